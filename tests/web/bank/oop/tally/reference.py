class Tally:
    def __init__(self):
        self.counts = {}

    def add(self, key, n):
        self.counts[key] = self.counts.get(key, 0) + n
        return self.counts[key]

    def get(self, key):
        return self.counts.get(key, 0)

    def remove(self, key, n):
        if self.counts.get(key, 0) < n:
            return False
        self.counts[key] -= n
        return True
