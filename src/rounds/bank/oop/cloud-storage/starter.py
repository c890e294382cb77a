class CloudStorage:
    """Files by name; shared files (level 1), users with quotas (level 3), compression and
    backups (level 4). Names are '/'-separated segments, case-sensitive."""

    def __init__(self) -> None:
        """An empty storage."""

    # ---- level 1 -------------------------------------------------------
    def add_file(self, name: str, size: int) -> bool:
        """Create a shared file (no owner): True. False if the name exists."""
        raise NotImplementedError

    def get_file_size(self, name: str) -> int | None:
        """The size (0 is a size); None if the file does not exist."""
        raise NotImplementedError

    def delete_file(self, name: str) -> int | None:
        """Remove the file, return its size (its owner's space is freed); None if missing."""
        raise NotImplementedError

    def copy_file(self, source: str, dest: str) -> bool:
        """Create dest like source, same owner: True. False, no change, if source is missing,
        dest exists, or (level 3) the owner has no room for it."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def find_files(self, prefix: str, suffix: str, n: int) -> list[str]:
        """Up to n files starting with prefix and ending with suffix (they may overlap), as
        "name(size)": size descending, then name ascending."""
        raise NotImplementedError

    def dir_size(self, path: str) -> int:
        """Total size of files whose name starts with path + "/" ("" = everything)."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def add_user(self, user_id: str, capacity: int) -> bool:
        """A new user with `capacity` bytes: True. False if the id exists."""
        raise NotImplementedError

    def add_user_file(self, user_id: str, name: str, size: int) -> int | None:
        """Create a file owned by the user and return capacity - used. None, no change, if the
        user is unknown, the name exists, or used + size > capacity."""
        raise NotImplementedError

    def update_capacity(self, user_id: str, capacity: int) -> int | None:
        """Set the capacity, then delete the user's largest files (ties: name ascending) while
        used > capacity; return how many were deleted. None if unknown."""
        raise NotImplementedError

    def top_users(self, n: int) -> list[str]:
        """Up to n users as "id(used)": used descending, then id ascending; 0 included."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def compress_file(self, user_id: str, name: str) -> int | None:
        """Replace the user's file with name + ".COMPRESSED" of size // 2; return capacity -
        used. None, no change, if not owned by the user, already compressed, or the target
        name exists."""
        raise NotImplementedError

    def decompress_file(self, user_id: str, name: str) -> int | None:
        """Undo compress_file (only files it created), restoring the exact original size;
        return capacity - used. None, no change, if the original name exists or it won't fit."""
        raise NotImplementedError

    def backup_user(self, user_id: str) -> int | None:
        """Save a copy of the user's files as they are now; return how many. None if unknown."""
        raise NotImplementedError

    def restore_user(self, user_id: str) -> int | None:
        """Delete the user's files, re-create the backed-up ones whose names are free; return
        how many were re-created (0 without a backup). Capacity is not checked."""
        raise NotImplementedError
