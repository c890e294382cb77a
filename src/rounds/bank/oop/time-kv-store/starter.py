class TimeKVStore:
    """A versioned key-value store: every write is kept with its timestamp.

    Writes (set, delete, set_with_ttl, rollback, compact) come with strictly
    increasing timestamps; reads may ask about any moment.
    """

    def __init__(self):
        pass

    # Level 1 ---------------------------------------------------------------

    def set(self, key: str, value: str, timestamp: int) -> None:
        """Write value for key at timestamp."""
        raise NotImplementedError

    def get(self, key: str, timestamp: int) -> str | None:
        """The value of the latest write of key at or before timestamp; None if none or it was a delete."""
        raise NotImplementedError

    def delete(self, key: str, timestamp: int) -> bool:
        """If key holds a value at timestamp, write a deletion and return True; else False (nothing written)."""
        raise NotImplementedError

    # Level 2 ---------------------------------------------------------------

    def history(self, key: str, start: int, end: int) -> list[str]:
        """"<t>(<value>)" for every kept set of key with start <= t <= end, oldest first."""
        raise NotImplementedError

    def scan_prefix(self, prefix: str, timestamp: int) -> list[str]:
        """"<key>(<value>)" for every key starting with prefix that holds a value at timestamp, by key."""
        raise NotImplementedError

    def most_written(self, n: int, timestamp: int) -> list[str]:
        """At most n "<key>(<count>)", count = sets of key at or before timestamp; count desc, key asc."""
        raise NotImplementedError

    # Level 3 ---------------------------------------------------------------

    def set_with_ttl(self, key: str, value: str, timestamp: int, ttl: int) -> None:
        """Write value, held on [timestamp, timestamp + ttl); afterwards key has no value until its next write."""
        raise NotImplementedError

    def ttl(self, key: str, timestamp: int) -> int:
        """Remaining ms of key's value at timestamp; -1 if it has no TTL; -2 if key holds no value."""
        raise NotImplementedError

    # Level 4 ---------------------------------------------------------------

    def rollback(self, timestamp: int, to_timestamp: int) -> int:
        """Write, at timestamp, the state every key had at to_timestamp; return how many keys hold a value then."""
        raise NotImplementedError

    def compact(self, timestamp: int, before: int) -> int:
        """Discard the sets older than before that no read at or after before can see; return how many."""
        raise NotImplementedError
