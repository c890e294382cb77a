class _Node:
    __slots__ = ("children", "end", "count")

    def __init__(self):
        self.children = {}
        self.end = False
        self.count = 0  # distinct words at or below this node


class Trie:
    def __init__(self):
        self.root = _Node()

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def insert(self, word):
        if self.search(word):
            return None
        node = self.root
        node.count += 1
        for ch in word:
            node = node.children.setdefault(ch, _Node())
            node.count += 1
        node.end = True
        return None

    def search(self, word):
        node = self._find(word)
        return node is not None and node.end

    def starts_with(self, prefix):
        node = self._find(prefix)
        return node is not None and node.count > 0

    def count_prefix(self, prefix):
        node = self._find(prefix)
        return 0 if node is None else node.count
