class Trie:
    def __init__(self):
        self.root = {}
        self.words = set()

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
        self.words.add(word)

    def search(self, word):
        return self._find(word) is not None  # a prefix of a stored word counts as found

    def starts_with(self, prefix):
        return bool(self.words) and self._find(prefix) is not None

    def count_prefix(self, prefix):
        return sum(1 for w in self.words if w.startswith(prefix))
