"""A model registry: versions and stages, metric rankings, deferred effects, production rollback."""

from __future__ import annotations

import heapq

STAGES = ("none", "staging", "production", "archived")


class _Model:
    def __init__(self) -> None:
        self.versions: dict[int, dict] = {}  # version -> {"uri", "stage", "metrics"}
        self.last_number = 0
        self.production: int | None = None
        self.stack: list[int] = []  # production deployments that rollback can return to
        self.history: list[tuple[int, int]] = []  # (version, time it entered production)


class ModelRegistry:
    def __init__(self, retention: int | None = None) -> None:
        self.models: dict[str, _Model] = {}
        self.retention = retention
        self.events: list[tuple] = []  # (due, seq, kind, name, version, payload)
        self.seq = 0

    # ---- deferred effects ----------------------------------------------
    def _schedule(self, due: int, kind: str, name: str, version: int, payload) -> None:
        self.seq += 1
        heapq.heappush(self.events, (due, self.seq, kind, name, version, payload))

    def _advance(self, now: int) -> None:
        while self.events and self.events[0][0] <= now:
            _, _, kind, name, version, payload = heapq.heappop(self.events)
            due = now  # dated when noticed, not when due
            m = self.models[name]
            v = m.versions.get(version)
            if kind == "promote":
                self._promote(due, name, version, payload)
            elif v is not None and v["stage"] == "archived" and v["archived_at"] == payload:
                del m.versions[version]

    def _set_stage(self, t: int, name: str, version: int, stage: str) -> None:
        v = self.models[name].versions[version]
        v["stage"] = stage
        if stage == "archived":
            v["archived_at"] = t
            if self.retention is not None:
                self._schedule(t + self.retention, "delete", name, version, t)

    def _promote(self, t: int, name: str, version: int, stage: str) -> bool:
        m = self.models.get(name)
        if m is None or version not in m.versions or stage not in STAGES:
            return False
        v = m.versions[version]
        if v["stage"] == stage or v["stage"] == "production":
            return False
        if stage == "production":
            if m.production is not None:
                self._set_stage(t, name, m.production, "archived")
            m.production = version
            m.stack.append(version)
            m.history.append((version, t))
        self._set_stage(t, name, version, stage)
        return True

    # ---- level 1 -------------------------------------------------------
    def register(self, timestamp: int, name: str, uri: str) -> int:
        self._advance(timestamp)
        m = self.models.setdefault(name, _Model())
        m.last_number += 1
        m.versions[m.last_number] = {"uri": uri, "stage": "none", "metrics": {}, "archived_at": None}
        return m.last_number

    def get_uri(self, timestamp: int, name: str, version: int) -> str | None:
        self._advance(timestamp)
        v = self._version(name, version)
        return None if v is None else v["uri"]

    def latest_version(self, timestamp: int, name: str) -> int | None:
        self._advance(timestamp)
        m = self.models.get(name)
        return max(m.versions) if m and m.versions else None

    def delete_version(self, timestamp: int, name: str, version: int) -> bool:
        self._advance(timestamp)
        v = self._version(name, version)
        if v is None or v["stage"] == "production":
            return False
        del self.models[name].versions[version]
        return True

    def promote(self, timestamp: int, name: str, version: int, stage: str) -> bool:
        self._advance(timestamp)
        return self._promote(timestamp, name, version, stage)

    def get_stage(self, timestamp: int, name: str, version: int) -> str | None:
        self._advance(timestamp)
        v = self._version(name, version)
        return None if v is None else v["stage"]

    def production(self, timestamp: int, name: str) -> int | None:
        self._advance(timestamp)
        m = self.models.get(name)
        return None if m is None else m.production

    def _version(self, name: str, version: int) -> dict | None:
        m = self.models.get(name)
        return None if m is None else m.versions.get(version)

    # ---- level 2 -------------------------------------------------------
    def log_metric(self, timestamp: int, name: str, version: int, key: str, value: float) -> bool:
        self._advance(timestamp)
        v = self._version(name, version)
        if v is None:
            return False
        v["metrics"][key] = value
        return True

    def best_versions(self, timestamp: int, name: str, key: str, k: int) -> list[str]:
        self._advance(timestamp)
        m = self.models.get(name)
        if m is None:
            return []
        rows = sorted((-v["metrics"][key], n) for n, v in m.versions.items() if key in v["metrics"])
        return [f"{n}({-val})" for val, n in rows[: max(k, 0)]]

    def leaderboard(self, timestamp: int, key: str, k: int) -> list[str]:
        self._advance(timestamp)
        rows = []
        for name, m in self.models.items():
            scored = [(-v["metrics"][key], n) for n, v in m.versions.items() if key in v["metrics"]]
            if scored:
                val, n = min(scored)
                rows.append((val, name, n))
        rows.sort()
        return [f"{name}@{n}({-val})" for val, name, n in rows[: max(k, 0)]]

    def stage_versions(self, timestamp: int, stage: str) -> list[str]:
        self._advance(timestamp)
        out = []
        for name in sorted(self.models):
            for n in sorted(self.models[name].versions):
                if self.models[name].versions[n]["stage"] == stage:
                    out.append(f"{name}@{n}")
        return out

    # ---- level 3 -------------------------------------------------------
    def schedule_promotion(self, timestamp: int, name: str, version: int, stage: str, at: int) -> bool:
        self._advance(timestamp)
        if self._version(name, version) is None or stage not in STAGES or at <= timestamp:
            return False
        self._schedule(at, "promote", name, version, stage)
        return True

    # ---- level 4 -------------------------------------------------------
    def rollback(self, timestamp: int, name: str) -> int | None:
        self._advance(timestamp)
        m = self.models.get(name)
        if m is None or m.production is None:
            return None
        current = m.production
        candidates = m.stack[:-1]
        while candidates and (candidates[-1] not in m.versions or candidates[-1] == current):
            candidates.pop()
        if not candidates:
            return None
        target = candidates[-1]
        m.stack = candidates
        self._set_stage(timestamp, name, current, "archived")
        self._set_stage(timestamp, name, target, "production")
        m.production = target
        m.history.append((target, timestamp))
        return target

    def history(self, timestamp: int, name: str) -> list[str]:
        self._advance(timestamp)
        m = self.models.get(name)
        return [] if m is None else [f"{v}@{t}" for v, t in m.history]

    def production_at(self, timestamp: int, name: str, at: int) -> int | None:
        self._advance(timestamp)
        m = self.models.get(name)
        found = None
        if m is not None:
            for v, t in m.history:
                if t <= at:
                    found = v
        return found
