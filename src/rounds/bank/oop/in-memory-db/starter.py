class InMemoryDB:
    """Records addressed by key; each record holds fields with string values."""

    def __init__(self):
        pass

    # Level 1 ---------------------------------------------------------------

    def set(self, key: str, field: str, value: str) -> None:
        """Insert the field into the record (creating the record), or replace its value."""
        raise NotImplementedError

    def get(self, key: str, field: str) -> str | None:
        """The field's value; None if the record or the field does not exist ("" is a value)."""
        raise NotImplementedError

    def delete(self, key: str, field: str) -> bool:
        """Remove the field; True if it existed, else False. A record with no fields left no longer exists."""
        raise NotImplementedError

    # Level 2 ---------------------------------------------------------------

    def scan(self, key: str) -> list[str]:
        """"<field>(<value>)" for every field of the record, sorted by field name; [] for a missing record."""
        raise NotImplementedError

    def scan_by_prefix(self, key: str, prefix: str) -> list[str]:
        """Like scan, only the fields whose name starts with prefix."""
        raise NotImplementedError

    # Level 3: the timestamp is the last argument and strictly increases from call to call.
    # A field set with a TTL is alive on [timestamp, timestamp + ttl).

    def set_at(self, key: str, field: str, value: str, timestamp: int) -> None:
        """Like set; the field is permanent (a previous TTL is dropped)."""
        raise NotImplementedError

    def set_at_with_ttl(self, key: str, field: str, value: str, timestamp: int, ttl: int) -> None:
        """Like set; the field is alive on [timestamp, timestamp + ttl)."""
        raise NotImplementedError

    def delete_at(self, key: str, field: str, timestamp: int) -> bool:
        """Like delete; False if the field is absent or expired."""
        raise NotImplementedError

    def get_at(self, key: str, field: str, timestamp: int) -> str | None:
        """Like get; None if the field expired."""
        raise NotImplementedError

    def scan_at(self, key: str, timestamp: int) -> list[str]:
        """Like scan, alive fields only."""
        raise NotImplementedError

    def scan_by_prefix_at(self, key: str, prefix: str, timestamp: int) -> list[str]:
        """Like scan_by_prefix, alive fields only."""
        raise NotImplementedError

    # Level 4 ---------------------------------------------------------------

    def backup(self, timestamp: int) -> int:
        """Save the state with each field's remaining TTL; return the number of records with an alive field."""
        raise NotImplementedError

    def restore(self, timestamp: int, timestamp_to_restore: int) -> None:
        """Replace the state with the latest backup taken at or before timestamp_to_restore.

        Each restored field expires at timestamp + its remaining TTL at backup
        time (permanent fields stay permanent). No such backup: nothing changes.
        """
        raise NotImplementedError
