"""Hours register that merges the target into the source, keeping the source id."""

from __future__ import annotations

from bisect import bisect_left


class _Worker:
    def __init__(self, position: str, rate: int) -> None:
        self.position = position
        self.rate = rate
        self.since: int | None = None  # start of the open session, if inside
        self.sessions: list[tuple[int, int, int]] = []  # (start, end, rate), completed
        self.total = 0
        self.pending: tuple[str, int] | None = None


class HoursRegister:
    def __init__(self) -> None:
        self._w: dict[str, _Worker] = {}
        self._double: list[tuple[int, int]] = []  # disjoint, sorted double-pay periods [start, end)

    # level 1
    def add_worker(self, worker_id: str, position: str, rate: int) -> bool:
        if worker_id in self._w:
            return False
        self._w[worker_id] = _Worker(position, rate)
        return True

    def register(self, timestamp: int, worker_id: str) -> str | None:
        w = self._w.get(worker_id)
        if w is None:
            return None
        if w.since is None:
            if w.pending is not None:
                w.position, w.rate = w.pending
                w.pending = None
            w.since = timestamp
            return "in"
        w.sessions.append((w.since, timestamp, w.rate))
        w.total += timestamp - w.since
        w.since = None
        return "out"

    def time_in_office(self, worker_id: str) -> int | None:
        w = self._w.get(worker_id)
        return None if w is None else w.total

    def get_position(self, worker_id: str) -> str | None:
        w = self._w.get(worker_id)
        return None if w is None else w.position

    # level 2
    def top_workers(self, n: int, position: str) -> list[str]:
        rows = sorted((-w.total, wid) for wid, w in self._w.items() if w.position == position)
        return [f"{wid}({-neg})" for neg, wid in rows[:n]]

    def in_office(self) -> list[str]:
        rows = sorted((w.since, wid) for wid, w in self._w.items() if w.since is not None)
        return [f"{wid}({since})" for since, wid in rows]

    # level 3
    def promote(self, timestamp: int, worker_id: str, position: str, rate: int) -> bool:
        w = self._w.get(worker_id)
        if w is None or w.pending is not None:
            return False
        w.pending = (position, rate)
        return True

    def salary(self, worker_id: str, start: int, end: int) -> int | None:
        w = self._w.get(worker_id)
        if w is None:
            return None
        pay = 0
        for a, b, rate in w.sessions:
            lo, hi = max(a, start), min(b, end)
            if hi > lo:
                pay += rate * ((hi - lo) + self._double_overlap(lo, hi))
        return pay

    # level 4
    def set_double_pay(self, start: int, end: int) -> int:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(self._double + [(start, end)]):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        self._double = merged
        return sum(b - a for a, b in merged)

    def merge_workers(self, timestamp: int, target_id: str, source_id: str) -> bool:
        t, s = self._w.get(source_id), self._w.get(target_id)
        if t is None or s is None or target_id == source_id or t.since is not None or s.since is not None:
            return False
        t.sessions = sorted(t.sessions + s.sessions)
        t.total += s.total
        del self._w[target_id]
        return True

    # internals
    def _double_overlap(self, lo: int, hi: int) -> int:
        out = 0
        i = max(0, bisect_left(self._double, (lo, lo)) - 1)
        for a, b in self._double[i:]:
            if a >= hi:
                break
            out += max(0, min(b, hi) - max(a, lo))
        return out
