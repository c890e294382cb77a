class FileSystem:
    """An in-memory tree rooted at "/". Paths are absolute: "/" or "/name/name/...".

    Level 4: every method takes an optional last argument user (default "root").
    """

    def __init__(self) -> None:
        """Only the root directory exists (owner "root", mode "rwxr-x")."""

    # ---- level 1 -------------------------------------------------------
    def mkdir(self, path: str, user: str = "root") -> bool:
        """Create an empty directory; False if path exists or its parent is missing or a file."""
        raise NotImplementedError

    def write(self, path: str, content: str, user: str = "root") -> bool:
        """Create or replace a file; False for a directory or a missing/file parent."""
        raise NotImplementedError

    def read(self, path: str, user: str = "root") -> str | None:
        """The file's content; None for a missing path or a directory."""
        raise NotImplementedError

    def ls(self, path: str, user: str = "root") -> list[str] | None:
        """Directory: sorted child names. File: [its name]. Missing: None."""
        raise NotImplementedError

    def rm(self, path: str, user: str = "root") -> bool:
        """Remove a file or an empty directory; False otherwise (and for "/")."""
        raise NotImplementedError

    # ---- level 2 -------------------------------------------------------
    def size(self, path: str, user: str = "root") -> int | None:
        """Total len(content) of the files under path; None if missing."""
        raise NotImplementedError

    def largest(self, path: str, k: int, user: str = "root") -> list[str]:
        """Up to k "full_path(size)" of files under path: size desc, then path asc."""
        raise NotImplementedError

    def find(self, path: str, suffix: str, user: str = "root") -> list[str]:
        """Sorted full paths of files under path whose name ends with suffix."""
        raise NotImplementedError

    def rm_tree(self, path: str, user: str = "root") -> int | None:
        """Remove path and everything below; the number of files removed. None if missing or "/"."""
        raise NotImplementedError

    # ---- level 3 -------------------------------------------------------
    def symlink(self, path: str, target: str, user: str = "root") -> bool:
        """Create a link to the absolute path target (may dangle); False as for mkdir.

        Resolution replaces at most 8 links; intermediate names always follow links; the final
        name follows them for write/read/ls/size/largest/find/realpath/chmod only.
        """
        raise NotImplementedError

    def readlink(self, path: str, user: str = "root") -> str | None:
        """The target of the link at path; None if path is not a link."""
        raise NotImplementedError

    def realpath(self, path: str, user: str = "root") -> str | None:
        """Canonical path (no links) of what path resolves to; None if it does not resolve."""
        raise NotImplementedError

    # ---- level 4 -------------------------------------------------------
    def chmod(self, path: str, mode: str, user: str = "root") -> bool:
        """Set a 6-character mode ("rwxr-x"); only the owner or root. False otherwise."""
        raise NotImplementedError
