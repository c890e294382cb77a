# trap: a word starts with itself
# models: starts with ignores last char: off by one: the whole word is never stored as a prefix
# caught by: test 1.3 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
class Trie:
    def __init__(self):
        self.words = set()
        self.prefixes = {}

    def insert(self, word):
        if word in self.words:
            return
        self.words.add(word)
        for i in range(len(word)):  # off by one: the whole word is never stored as a prefix
            p = word[:i]
            self.prefixes[p] = self.prefixes.get(p, 0) + 1

    def search(self, word):
        return word in self.words

    def starts_with(self, prefix):
        return prefix in self.prefixes

    def count_prefix(self, prefix):
        return self.prefixes.get(prefix, 0)
