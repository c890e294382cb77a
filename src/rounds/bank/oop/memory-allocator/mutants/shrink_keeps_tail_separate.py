"""A C-like allocator over a fixed arena: first fit, coalescing, quotas, realloc, policies, snapshots."""

from __future__ import annotations

POLICIES = ("first_fit", "best_fit", "next_fit")


class Allocator:
    def __init__(self, capacity: int) -> None:
        # The arena is covered by blocks in address order: [start, size, owner]; owner None = free.
        self.blocks: list[list] = [[0, capacity, None]]
        self.quotas: dict[str, int] = {}
        self.policy = "first_fit"
        self.cursor = 0
        self.snapshots: dict[int, tuple] = {}
        self.next_snapshot = 1

    # ---- helpers -------------------------------------------------------
    def _index(self, addr: int) -> int | None:
        for i, b in enumerate(self.blocks):
            if b[0] == addr and b[2] is not None:
                return i
        return None

    def _usage(self, owner: str) -> int:
        return sum(b[1] for b in self.blocks if b[2] == owner)

    def _choose(self, size: int) -> int | None:
        free = [i for i, b in enumerate(self.blocks) if b[2] is None and b[1] >= size]
        if not free:
            return None
        if self.policy == "best_fit":
            return min(free, key=lambda i: (self.blocks[i][1], self.blocks[i][0]))
        if self.policy == "next_fit":
            for i in free:
                if self.blocks[i][0] >= self.cursor:
                    return i
        return free[0]

    def _place(self, i: int, owner: str, size: int) -> int:
        b = self.blocks[i]
        start, rest = b[0], b[1] - size
        b[1], b[2] = size, owner
        if rest:
            self.blocks.insert(i + 1, [start + size, rest, None])
        self.cursor = start + size
        return start

    def _release(self, i: int) -> None:
        self.blocks[i][2] = None
        if i + 1 < len(self.blocks) and self.blocks[i + 1][2] is None:
            self.blocks[i][1] += self.blocks.pop(i + 1)[1]
        if i > 0 and self.blocks[i - 1][2] is None:
            self.blocks[i - 1][1] += self.blocks.pop(i)[1]

    def _over_quota(self, owner: str, extra: int) -> bool:
        limit = self.quotas.get(owner)
        return limit is not None and self._usage(owner) + extra > limit

    # ---- level 1 -------------------------------------------------------
    def malloc(self, owner: str, size: int) -> int | None:
        if size < 1 or self._over_quota(owner, size):
            return None
        i = self._choose(size)
        return None if i is None else self._place(i, owner, size)

    def free(self, addr: int) -> bool:
        i = self._index(addr)
        if i is None:
            return False
        self._release(i)
        return True

    def size_of(self, addr: int) -> int | None:
        i = self._index(addr)
        return None if i is None else self.blocks[i][1]

    def free_bytes(self) -> int:
        return sum(b[1] for b in self.blocks if b[2] is None)

    # ---- level 2 -------------------------------------------------------
    def largest_free(self) -> int:
        return max((b[1] for b in self.blocks if b[2] is None), default=0)

    def usage(self, owner: str) -> int:
        return self._usage(owner)

    def top_owners(self, k: int) -> list[str]:
        used: dict[str, int] = {}
        for b in self.blocks:
            if b[2] is not None:
                used[b[2]] = used.get(b[2], 0) + b[1]
        ranked = sorted(used.items(), key=lambda kv: (-kv[1], kv[0]))
        return [f"{o}({n})" for o, n in ranked[: max(k, 0)]]

    def free_blocks(self, min_size: int) -> list[str]:
        found = [b for b in self.blocks if b[2] is None and b[1] >= min_size]
        found.sort(key=lambda b: (-b[1], b[0]))
        return [f"{b[0]}({b[1]})" for b in found]

    def free_owner(self, owner: str) -> int:
        freed = 0
        i = 0
        while i < len(self.blocks):
            b = self.blocks[i]
            if b[2] == owner:
                freed += b[1]
                self._release(i)
                i = max(i - 1, 0)
            else:
                i += 1
        return freed

    # ---- level 3 -------------------------------------------------------
    def set_quota(self, owner: str, limit: int | None) -> None:
        if limit is None:
            self.quotas.pop(owner, None)
        else:
            self.quotas[owner] = limit

    def realloc(self, addr: int, new_size: int) -> int | None:
        i = self._index(addr)
        if i is None or new_size < 1:
            return None
        start, old, owner = self.blocks[i]
        if new_size == old:
            return addr
        if new_size < old:
            self.blocks[i][1] = new_size
            tail = [start + new_size, old - new_size, None]
            self.blocks.insert(i + 1, tail)  # never merged with the free block after it
            return addr
        if self._over_quota(owner, new_size - old):
            return None
        if i + 1 < len(self.blocks) and self.blocks[i + 1][2] is None and old + self.blocks[i + 1][1] >= new_size:
            nxt = self.blocks[i + 1]
            nxt[1] -= new_size - old
            nxt[0] += new_size - old
            self.blocks[i][1] = new_size
            if nxt[1] == 0:
                self.blocks.pop(i + 1)
            return addr
        j = self._choose(new_size)  # the old block is still allocated while we search
        if j is None:
            return None
        new_addr = self._place(j, owner, new_size)
        self._release(self._index(addr))
        return new_addr

    # ---- level 4 -------------------------------------------------------
    def set_policy(self, name: str) -> bool:
        if name not in POLICIES:
            return False
        self.policy = name
        return True

    def snapshot(self) -> int:
        sid = self.next_snapshot
        self.next_snapshot += 1
        self.snapshots[sid] = ([b[:] for b in self.blocks], dict(self.quotas), self.policy, self.cursor)
        return sid

    def restore(self, snapshot_id: int) -> bool:
        snap = self.snapshots.get(snapshot_id)
        if snap is None:
            return False
        blocks, quotas, policy, cursor = snap
        self.blocks = [b[:] for b in blocks]
        self.quotas = dict(quotas)
        self.policy = policy
        self.cursor = cursor
        return True
