class Trie:
    """A set of words with prefix queries."""

    def __init__(self) -> None:
        pass

    def insert(self, word: str) -> None:
        """Add word; inserting an existing word changes nothing."""
        raise NotImplementedError

    def search(self, word: str) -> bool:
        """True when word itself was inserted."""
        raise NotImplementedError

    def starts_with(self, prefix: str) -> bool:
        """True when some inserted word starts with prefix ("" matches any word)."""
        raise NotImplementedError

    def count_prefix(self, prefix: str) -> int:
        """The number of distinct inserted words starting with prefix."""
        raise NotImplementedError
