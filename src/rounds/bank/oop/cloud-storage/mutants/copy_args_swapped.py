"""Cloud storage that copies from dest to source."""

from __future__ import annotations

from typing import NamedTuple

SUFFIX = ".COMPRESSED"


class _File(NamedTuple):
    size: int
    owner: str | None  # None: a shared file, outside every quota
    original: int | None = None  # set only on files made by compress_file


class CloudStorage:
    def __init__(self) -> None:
        self._files: dict[str, _File] = {}
        self._cap: dict[str, int] = {}
        self._used: dict[str, int] = {}
        self._backup: dict[str, dict[str, _File]] = {}

    # level 1
    def add_file(self, name: str, size: int) -> bool:
        if name in self._files:
            return False
        self._put(name, _File(size, None))
        return True

    def get_file_size(self, name: str) -> int | None:
        f = self._files.get(name)
        return None if f is None else f.size

    def delete_file(self, name: str) -> int | None:
        f = self._files.get(name)
        if f is None:
            return None
        self._drop(name)
        return f.size

    def copy_file(self, dest: str, source: str) -> bool:
        f = self._files.get(source)
        if f is None or dest in self._files or not self._fits(f.owner, f.size):
            return False
        self._put(dest, _File(f.size, f.owner))  # a copy is an ordinary file
        return True

    # level 2
    def find_files(self, prefix: str, suffix: str, n: int) -> list[str]:
        rows = sorted((-f.size, name) for name, f in self._files.items()
                      if name.startswith(prefix) and name.endswith(suffix))
        return [f"{name}({-neg})" for neg, name in rows[:n]]

    def dir_size(self, path: str) -> int:
        if path == "":
            return sum(f.size for f in self._files.values())
        inside = path + "/"
        return sum(f.size for name, f in self._files.items() if name.startswith(inside))

    # level 3
    def add_user(self, user_id: str, capacity: int) -> bool:
        if user_id in self._cap:
            return False
        self._cap[user_id] = capacity
        self._used[user_id] = 0
        return True

    def add_user_file(self, user_id: str, name: str, size: int) -> int | None:
        if user_id not in self._cap or name in self._files or not self._fits(user_id, size):
            return None
        self._put(name, _File(size, user_id))
        return self._cap[user_id] - self._used[user_id]

    def update_capacity(self, user_id: str, capacity: int) -> int | None:
        if user_id not in self._cap:
            return None
        self._cap[user_id] = capacity
        owned = sorted((-f.size, name) for name, f in self._files.items() if f.owner == user_id)
        removed = 0
        for _, name in owned:
            if self._used[user_id] <= capacity:
                break
            self._drop(name)
            removed += 1
        return removed

    def top_users(self, n: int) -> list[str]:
        rows = sorted((-used, uid) for uid, used in self._used.items())
        return [f"{uid}({-neg})" for neg, uid in rows[:n]]

    # level 4
    def compress_file(self, user_id: str, name: str) -> int | None:
        f = self._files.get(name)
        target = name + SUFFIX
        if f is None or f.owner != user_id or name.endswith(SUFFIX) or target in self._files:
            return None
        self._drop(name)
        self._put(target, _File(f.size // 2, user_id, f.size))
        return self._cap[user_id] - self._used[user_id]

    def decompress_file(self, user_id: str, name: str) -> int | None:
        f = self._files.get(name)
        if f is None or f.owner != user_id or f.original is None:
            return None
        target = name[: -len(SUFFIX)]
        if target in self._files or self._used[user_id] - f.size + f.original > self._cap[user_id]:
            return None
        self._drop(name)
        self._put(target, _File(f.original, user_id))
        return self._cap[user_id] - self._used[user_id]

    def backup_user(self, user_id: str) -> int | None:
        if user_id not in self._cap:
            return None
        # Records are immutable tuples: a new dict of them is a full copy.
        self._backup[user_id] = {n: f for n, f in self._files.items() if f.owner == user_id}
        return len(self._backup[user_id])

    def restore_user(self, user_id: str) -> int | None:
        if user_id not in self._cap:
            return None
        for name in [n for n, f in self._files.items() if f.owner == user_id]:
            self._drop(name)
        restored = 0
        for name, f in self._backup.get(user_id, {}).items():
            if name not in self._files:
                self._put(name, f)
                restored += 1
        return restored

    # internals
    def _fits(self, owner: str | None, size: int) -> bool:
        return owner is None or self._used[owner] + size <= self._cap[owner]

    def _put(self, name: str, f: _File) -> None:
        self._files[name] = f
        if f.owner is not None:
            self._used[f.owner] += f.size

    def _drop(self, name: str) -> None:
        f = self._files.pop(name)
        if f.owner is not None:
            self._used[f.owner] -= f.size
