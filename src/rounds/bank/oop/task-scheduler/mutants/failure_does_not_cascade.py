"""A task scheduler: priorities and dependencies, rankings, thread safety, retries and cancellation."""

from __future__ import annotations

import heapq
import threading


class _Task:
    __slots__ = ("id", "priority", "seq", "deps", "dependents", "waiting", "state", "attempts", "failures")

    def __init__(self, task_id: str, priority: int, seq: int, deps: set[str]) -> None:
        self.id = task_id
        self.priority = priority
        self.seq = seq
        self.deps = deps
        self.dependents: list[_Task] = []
        self.waiting = 0  # dependencies not completed yet
        self.state = "pending"
        self.attempts = 0
        self.failures = 0


class Scheduler:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tasks: dict[str, _Task] = {}
        self._ready: list[tuple[int, int, str]] = []  # (-priority, seq, id); stale entries are skipped
        self._counts = {"pending": 0, "running": 0, "completed": 0, "failed": 0, "cancelled": 0}
        self._seq = 0
        self._max_running: int | None = None
        self._retry_limit = 0

    # ---- helpers (caller holds the lock) -------------------------------
    def _move(self, t: _Task, state: str) -> None:
        self._counts[t.state] -= 1
        self._counts[state] += 1
        t.state = state

    def _push(self, t: _Task) -> None:
        heapq.heappush(self._ready, (-t.priority, t.seq, t.id))

    def _live(self, entry: tuple[int, int, str]) -> bool:
        t = self._tasks[entry[2]]
        return t.state == "pending" and t.waiting == 0 and -entry[0] == t.priority

    def _cancel_from(self, roots: list[_Task]) -> list[str]:
        out = []
        stack = list(roots)
        while stack:
            t = stack.pop()
            for d in t.dependents:
                if d.state == "pending":
                    self._move(d, "cancelled")
                    out.append(d.id)
                    stack.append(d)
        return out

    # ---- level 1 -------------------------------------------------------
    def submit(self, task_id: str, priority: int, deps: list[str]) -> bool:
        with self._lock:
            if task_id in self._tasks:
                return False
            parents = []
            for d in set(deps):
                p = self._tasks.get(d)
                if p is None or p.state in ("failed", "cancelled"):
                    return False
                parents.append(p)
            self._seq += 1
            t = _Task(task_id, priority, self._seq, set(deps))
            for p in parents:
                p.dependents.append(t)
                if p.state != "completed":
                    t.waiting += 1
            self._tasks[task_id] = t
            self._counts["pending"] += 1
            if t.waiting == 0:
                self._push(t)
            return True

    def next_task(self) -> str | None:
        with self._lock:
            if self._max_running is not None and self._counts["running"] >= self._max_running:
                return None
            while self._ready:
                entry = heapq.heappop(self._ready)
                if self._live(entry):
                    t = self._tasks[entry[2]]
                    self._move(t, "running")
                    t.attempts += 1
                    return t.id
            return None

    def complete(self, task_id: str) -> bool:
        with self._lock:
            t = self._tasks.get(task_id)
            if t is None or t.state != "running":
                return False
            self._move(t, "completed")
            for d in t.dependents:
                d.waiting -= 1
                if d.waiting == 0 and d.state == "pending":
                    self._push(d)
            return True

    def status(self, task_id: str) -> str | None:
        with self._lock:
            t = self._tasks.get(task_id)
            return None if t is None else t.state

    # ---- level 2 -------------------------------------------------------
    def ready_tasks(self, k: int) -> list[str]:
        with self._lock:
            live = sorted({e for e in self._ready if self._live(e)})
            return [f"{tid}({-p})" for p, _, tid in live[: max(k, 0)]]

    def set_priority(self, task_id: str, priority: int) -> bool:
        with self._lock:
            t = self._tasks.get(task_id)
            if t is None or t.state != "pending":
                return False
            t.priority = priority
            if t.waiting == 0:
                self._push(t)
            return True

    def top_blockers(self, k: int) -> list[str]:
        with self._lock:
            rows = []
            for t in self._tasks.values():
                if t.state in ("pending", "running"):
                    n = sum(1 for d in t.dependents if d.state == "pending")
                    if n:
                        rows.append((-n, t.id))
            rows.sort()
            return [f"{tid}({-n})" for n, tid in rows[: max(k, 0)]]

    # ---- level 3 -------------------------------------------------------
    def set_max_running(self, limit: int | None) -> None:
        with self._lock:
            self._max_running = limit

    def count(self, state: str) -> int:
        with self._lock:
            return self._counts.get(state, 0)

    # ---- level 4 -------------------------------------------------------
    def set_retry_limit(self, retries: int) -> None:
        with self._lock:
            self._retry_limit = retries

    def fail(self, task_id: str) -> str | None:
        with self._lock:
            t = self._tasks.get(task_id)
            if t is None or t.state != "running":
                return None
            t.failures += 1
            if t.failures <= self._retry_limit:
                self._move(t, "pending")
                self._push(t)  # keeps its priority and its original submission order
                return "pending"
            self._move(t, "failed")
            return "failed"

    def cancel(self, task_id: str) -> list[str]:
        with self._lock:
            t = self._tasks.get(task_id)
            if t is None or t.state != "pending":
                return []
            self._move(t, "cancelled")
            return sorted([t.id] + self._cancel_from([t]))

    def attempts(self, task_id: str) -> int | None:
        with self._lock:
            t = self._tasks.get(task_id)
            return None if t is None else t.attempts
