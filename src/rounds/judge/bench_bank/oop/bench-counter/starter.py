class Counter:
    def __init__(self):
        self.c = {}

    def add(self, key, n):
        self.c[key] = self.c.get(key, 0) + n
        return self.c[key]

    def get(self, key):
        return self.c.get(key, 0)

    def top(self, k):
        items = sorted(self.c.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        return [f"{key}({n})" for key, n in items]
