"""An in-memory hierarchical file system: files and directories, tree queries, symlinks, permissions."""

from __future__ import annotations

import re

MAX_LINKS = 8
MODE = re.compile(r"[r-][w-][x-][r-][w-][x-]")


class _Node:
    def __init__(self, kind: str, owner: str, mode: str) -> None:
        self.kind = kind  # "dir" | "file" | "link"
        self.owner = owner
        self.mode = mode
        self.children: dict[str, _Node] = {}
        self.content = ""
        self.target = ""


def _split(path: str) -> list[str]:
    return [p for p in path.split("/") if p]


def _join(parts: list[str]) -> str:
    return "/" + "/".join(parts)


class FileSystem:
    def __init__(self) -> None:
        self.root = _Node("dir", "root", "rwxr-x")

    # ---- helpers -------------------------------------------------------
    def _can(self, node: _Node, user: str, bit: str) -> bool:
        if user == "root" or node.kind == "link":
            return True
        triple = node.mode[3:] if user == node.owner else node.mode[:3]
        return bit in triple

    def _resolve(self, path: str, user: str, follow_last: bool):
        """(parent dir, name, node or None, canonical parts) of the final component, or None on failure.

        For the root itself: (None, "", root, []).
        """
        todo = _split(path)
        cur: _Node = self.root
        parts: list[str] = []
        links = 0
        while todo:
            name = todo.pop(0)
            if not self._can(cur, user, "x"):
                return None
            node = cur.children.get(name)
            last = not todo
            if node is not None and node.kind == "link" and (follow_last or not last):
                links += 1
                if links > MAX_LINKS:
                    return None
                todo = _split(node.target) + todo
                cur, parts = self.root, []
                continue
            if last:
                return cur, name, node, parts + [name]
            if node is None or node.kind != "dir":
                return None
            cur = node
            parts.append(name)
        return None, "", self.root, []

    def _create(self, path: str, user: str, kind: str) -> _Node | None:
        r = self._resolve(path, user, follow_last=False)
        if r is None:
            return None
        parent, name, node, _ = r
        if parent is None or node is not None or not self._can(parent, user, "w"):
            return None
        new = _Node(kind, user, "rwxr-x" if kind == "dir" else "rw-r--")
        parent.children[name] = new
        return new

    def _files(self, node: _Node, parts: list[str]):
        if node.kind == "file":
            yield _join(parts), node
        elif node.kind == "dir":
            for name, child in node.children.items():
                yield from self._files(child, parts + [name])

    # ---- level 1 -------------------------------------------------------
    def mkdir(self, path: str, user: str = "root") -> bool:
        return self._create(path, user, "dir") is not None

    def write(self, path: str, content: str, user: str = "root") -> bool:
        r = self._resolve(path, user, follow_last=True)
        if r is None:
            return False
        parent, name, node, _ = r
        if node is None:
            if not self._can(parent, user, "w"):
                return False
            new = _Node("file", user, "rw-r--")
            new.content = content
            parent.children[name] = new
            return True
        if node.kind != "file" or not self._can(node, user, "w"):
            return False
        node.content = content
        return True

    def read(self, path: str, user: str = "root") -> str | None:
        r = self._resolve(path, user, follow_last=True)
        if r is None or r[2] is None or r[2].kind != "file" or not self._can(r[2], user, "r"):
            return None
        return r[2].content

    def ls(self, path: str, user: str = "root") -> list[str] | None:
        r = self._resolve(path, user, follow_last=True)
        if r is None or r[2] is None:
            return None
        node = r[2]
        if node.kind == "file":
            return [r[1]]
        if not self._can(node, user, "r"):
            return None
        return sorted(node.children)

    def rm(self, path: str, user: str = "root") -> bool:
        r = self._resolve(path, user, follow_last=False)
        if r is None:
            return False
        parent, name, node, _ = r
        if parent is None or node is None or (node.kind == "dir" and node.children):
            return False
        if not self._can(parent, user, "w"):
            return False
        del parent.children[name]
        return True

    # ---- level 2 -------------------------------------------------------
    def size(self, path: str, user: str = "root") -> int | None:
        r = self._resolve(path, user, follow_last=True)
        if r is None or r[2] is None:
            return None
        return sum(len(f.content) for _, f in self._files(r[2], r[3]))

    def largest(self, path: str, k: int, user: str = "root") -> list[str]:
        r = self._resolve(path, user, follow_last=True)
        if r is None or r[2] is None:
            return []
        rows = sorted((-len(f.content), p) for p, f in self._files(r[2], r[3]))
        return [f"{p}({-n})" for n, p in rows[: max(k, 0)]]

    def find(self, path: str, suffix: str, user: str = "root") -> list[str]:
        r = self._resolve(path, user, follow_last=True)
        if r is None or r[2] is None:
            return []
        return sorted(p for p, _ in self._files(r[2], r[3]) if p.rsplit("/", 1)[1].endswith(suffix))

    def rm_tree(self, path: str, user: str = "root") -> int | None:
        r = self._resolve(path, user, follow_last=False)
        if r is None:
            return None
        parent, name, node, parts = r
        if parent is None or node is None or not self._can(parent, user, "w"):
            return None
        count = sum(1 for _ in self._files(node, parts))
        del parent.children[name]
        return count

    # ---- level 3 -------------------------------------------------------
    def symlink(self, path: str, target: str, user: str = "root") -> bool:
        new = self._create(path, user, "link")
        if new is None:
            return False
        new.target = target
        return True

    def readlink(self, path: str, user: str = "root") -> str | None:
        r = self._resolve(path, user, follow_last=False)
        if r is None or r[2] is None or r[2].kind != "link":
            return None
        return r[2].target

    def realpath(self, path: str, user: str = "root") -> str | None:
        r = self._resolve(path, user, follow_last=True)
        if r is None or r[2] is None:
            return None
        return _join(r[3])

    # ---- level 4 -------------------------------------------------------
    def chmod(self, path: str, mode: str, user: str = "root") -> bool:
        r = self._resolve(path, user, follow_last=True)
        if r is None or r[2] is None or not MODE.fullmatch(mode):
            return False
        node = r[2]
        if user != "root" and user != node.owner:
            return False
        node.mode = mode
        return True
