# trap: 40k operations on random words: needs O(len(word)) per operation
# models: list scan: a list: every operation scans every word
# caught by: test 1.14 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
class Trie:
    def __init__(self):
        self.words = []

    def insert(self, word):
        if word not in self.words:  # a list: every operation scans every word
            self.words.append(word)

    def search(self, word):
        return word in self.words

    def starts_with(self, prefix):
        return any(w.startswith(prefix) for w in self.words)

    def count_prefix(self, prefix):
        return sum(1 for w in self.words if w.startswith(prefix))
