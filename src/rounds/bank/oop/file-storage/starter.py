class FileStorage:
    """File metadata by name: sizes, modification times, expiry (level 3), rollback (level 4).

    Every method takes the current timestamp first; timestamps never decrease from one call
    to the next.
    """

    def __init__(self) -> None:
        """An empty storage."""

    # ---- level 1 -------------------------------------------------------
    def add_file(self, timestamp: int, name: str, size: int) -> bool:
        """Create a file: True. False (no change) if the name already exists."""
        raise NotImplementedError

    def get_size(self, timestamp: int, name: str) -> int | None:
        """The file's size (0 is a size); None if it does not exist."""
        raise NotImplementedError

    def write_file(self, timestamp: int, name: str, size: int) -> int | None:
        """Set an existing file's size and return the previous size; None (nothing created)
        if it does not exist."""
        raise NotImplementedError

    def delete_file(self, timestamp: int, name: str) -> int | None:
        """Remove the file and return its size; None if it does not exist."""
        raise NotImplementedError

    def copy_file(self, timestamp: int, source: str, dest: str) -> bool:
        """Create dest with source's size: True. False, no change, if source is missing or
        dest exists."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def largest(self, timestamp: int, prefix: str, n: int) -> list[str]:
        """Up to n files whose name starts with prefix, as "name(size)": size descending, then
        name ascending."""
        raise NotImplementedError

    def total_size(self, timestamp: int, prefix: str) -> int:
        """The sum of sizes of files whose name starts with prefix (0 if none)."""
        raise NotImplementedError

    def recent(self, timestamp: int, n: int) -> list[str]:
        """Up to n files as "name(modified)": modification time descending, then name ascending.
        Modified = set by add, write, or created as a copy's dest."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def add_file_ttl(self, timestamp: int, name: str, size: int, ttl: int) -> bool:
        """Like add_file, but the file exists only during [timestamp, timestamp + ttl)."""
        raise NotImplementedError

    def set_ttl(self, timestamp: int, name: str, ttl: int | None) -> bool:
        """Expiry := timestamp + ttl, or none when ttl is None: True. False if the file does
        not exist. The modification time is unchanged."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def rollback(self, timestamp: int, to: int) -> int:
        """Restore the state at the end of `to` (0 <= to <= timestamp) and return the number
        of files. A restored file keeps its remaining lifetime: expiry e becomes
        e + (timestamp - to)."""
        raise NotImplementedError
