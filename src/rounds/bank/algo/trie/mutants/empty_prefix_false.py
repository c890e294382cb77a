class Trie:
    def __init__(self):
        self.root = {}

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
        node["$"] = True

    def search(self, word):
        node = self._find(word)
        return node is not None and "$" in node

    def starts_with(self, prefix):
        if not prefix:
            return False  # the empty prefix matches every word
        return self._find(prefix) is not None

    def count_prefix(self, prefix):
        node = self._find(prefix)
        if node is None:
            return 0
        stack, total = [node], 0
        while stack:
            n = stack.pop()
            for k, v in n.items():
                if k == "$":
                    total += 1
                else:
                    stack.append(v)
        return total
