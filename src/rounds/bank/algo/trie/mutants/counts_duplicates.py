class Trie:
    def __init__(self):
        self.root = {"#": 0}

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node:
                return None
            node = node[ch]
        return node

    def insert(self, word):
        node = self.root
        node["#"] += 1  # counts a re-inserted word again
        for ch in word:
            node = node.setdefault(ch, {"#": 0})
            node["#"] += 1
        node["$"] = True

    def search(self, word):
        node = self._find(word)
        return node is not None and "$" in node

    def starts_with(self, prefix):
        node = self._find(prefix)
        return node is not None and node["#"] > 0

    def count_prefix(self, prefix):
        node = self._find(prefix)
        return 0 if node is None else node["#"]
