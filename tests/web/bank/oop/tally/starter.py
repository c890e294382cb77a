class Tally:
    def add(self, key: str, n: int) -> int:
        raise NotImplementedError

    def get(self, key: str) -> int:
        raise NotImplementedError
