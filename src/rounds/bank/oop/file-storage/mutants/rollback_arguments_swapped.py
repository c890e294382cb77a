"""File storage that reads rollback's arguments as (to, timestamp)."""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple


class _File(NamedTuple):
    size: int
    modified: int
    expires: int | None  # first timestamp at which the file no longer exists; None = never


class FileStorage:
    def __init__(self) -> None:
        self._files: dict[str, _File] = {}
        self._snap_times: list[int] = []
        self._snaps: list[dict[str, _File]] = []  # the storage after each change, in time order

    # level 1
    def add_file(self, timestamp: int, name: str, size: int) -> bool:
        return self._add(timestamp, name, size, None)

    def get_size(self, timestamp: int, name: str) -> int | None:
        f = self._get(timestamp, name)
        return None if f is None else f.size

    def write_file(self, timestamp: int, name: str, size: int) -> int | None:
        f = self._get(timestamp, name)
        if f is None:
            return None
        self._files[name] = _File(size, timestamp, f.expires)
        self._changed(timestamp)
        return f.size

    def delete_file(self, timestamp: int, name: str) -> int | None:
        f = self._get(timestamp, name)
        if f is None:
            return None
        del self._files[name]
        self._changed(timestamp)
        return f.size

    def copy_file(self, timestamp: int, source: str, dest: str) -> bool:
        f = self._get(timestamp, source)
        if f is None or self._get(timestamp, dest) is not None:
            return False
        self._files[dest] = _File(f.size, timestamp, f.expires)
        self._changed(timestamp)
        return True

    # level 2
    def largest(self, timestamp: int, prefix: str, n: int) -> list[str]:
        rows = [(-f.size, name) for name, f in self._live(timestamp) if name.startswith(prefix)]
        return [f"{name}({-neg})" for neg, name in sorted(rows)[:n]]

    def total_size(self, timestamp: int, prefix: str) -> int:
        return sum(f.size for name, f in self._live(timestamp) if name.startswith(prefix))

    def recent(self, timestamp: int, n: int) -> list[str]:
        rows = sorted((-f.modified, name) for name, f in self._live(timestamp))
        return [f"{name}({-neg})" for neg, name in rows[:n]]

    # level 3
    def add_file_ttl(self, timestamp: int, name: str, size: int, ttl: int) -> bool:
        return self._add(timestamp, name, size, timestamp + ttl)

    def set_ttl(self, timestamp: int, name: str, ttl: int | None) -> bool:
        f = self._get(timestamp, name)
        if f is None:
            return False
        self._files[name] = f._replace(expires=None if ttl is None else timestamp + ttl)
        self._changed(timestamp)
        return True

    # level 4
    def rollback(self, to: int, timestamp: int) -> int:
        i = bisect_right(self._snap_times, to)
        past = self._snaps[i - 1] if i else {}
        shift = timestamp - to
        self._files = {
            name: f if f.expires is None else f._replace(expires=f.expires + shift)
            for name, f in past.items()
            if f.expires is None or to < f.expires
        }
        self._changed(timestamp)
        return len(self._files)

    # internals
    def _add(self, timestamp: int, name: str, size: int, expires: int | None) -> bool:
        if self._get(timestamp, name) is not None:
            return False
        self._files[name] = _File(size, timestamp, expires)
        self._changed(timestamp)
        return True

    def _get(self, timestamp: int, name: str) -> _File | None:
        f = self._files.get(name)
        if f is None or (f.expires is not None and timestamp >= f.expires):
            return None
        return f

    def _live(self, timestamp: int) -> list[tuple[str, _File]]:
        return [(n, f) for n, f in self._files.items() if f.expires is None or timestamp < f.expires]

    def _changed(self, timestamp: int) -> None:
        # Records are immutable tuples, so copying the dict is a full snapshot.
        self._snap_times.append(timestamp)
        self._snaps.append(dict(self._files))
