"""A feature store: point-in-time reads, rankings, TTLs and as-of reads, training sets and reverts."""

from __future__ import annotations


class FeatureStore:
    def __init__(self) -> None:
        # (entity, feature) -> records in put order: (event_time, ingested_at, value)
        self.records: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
        self.ttl: dict[str, int] = {}

    # ---- helpers -------------------------------------------------------
    def _pick(self, entity: str, feature: str, at: int | None, known_at: int | None, now: int):
        """The value with the greatest event time <= at (ties: put last), known by known_at, fresh at now."""
        best = None
        for rec in self.records.get((entity, feature), ()):
            e, ingested, _ = rec
            if at is not None and e > at:
                continue
            if known_at is not None and ingested > known_at:
                continue
            if best is None or e >= best[0]:
                best = rec
        if best is None:
            return None
        ttl = self.ttl.get(feature)
        if ttl is not None and not now < best[0] + ttl:
            return None
        return best[2]

    # ---- level 1 -------------------------------------------------------
    def put(self, timestamp: int, entity: str, feature: str, value: float, event_time: int) -> None:
        self.records.setdefault((entity, feature), []).append((event_time, timestamp, value))

    def get(self, timestamp: int, entity: str, feature: str) -> float | None:
        return self._pick(entity, feature, None, None, timestamp)

    def get_at(self, timestamp: int, entity: str, feature: str, at: int) -> float | None:
        return self._pick(entity, feature, at, None, at)

    def get_vector(self, timestamp: int, entity: str, features: list[str]) -> list[float | None]:
        return [self.get(timestamp, entity, f) for f in features]

    # ---- level 2 -------------------------------------------------------
    def top_entities(self, timestamp: int, feature: str, k: int) -> list[str]:
        rows = []
        for ent, feat in self.records:
            if feat == feature:
                v = self.get(timestamp, ent, feat)
                if v is not None:
                    rows.append((-v, ent))
        rows.sort()
        return [f"{ent}({-v})" for v, ent in rows[: max(k, 0)]]

    def event_counts(self, timestamp: int, feature: str, start: int, end: int) -> list[str]:
        rows = []
        for (ent, feat), recs in self.records.items():
            if feat == feature:
                n = len({e for e, _, _ in recs if start <= e < end})
                if n:
                    rows.append((-n, ent))
        rows.sort()
        return [f"{ent}({-n})" for n, ent in rows]

    # ---- level 3 -------------------------------------------------------
    def set_ttl(self, timestamp: int, feature: str, ttl: int | None) -> None:
        if ttl is None:
            self.ttl.pop(feature, None)
        else:
            self.ttl[feature] = ttl

    def get_as_of(self, timestamp: int, entity: str, feature: str, at: int, known_at: int) -> float | None:
        return self._pick(entity, feature, at, known_at, at)

    # ---- level 4 -------------------------------------------------------
    def training_set(self, timestamp: int, rows: list[list], features: list[str]) -> list[list[float | None]]:
        return [[self._pick(ent, f, at, at, at) for f in features] for ent, at in rows]

    def revert_since(self, timestamp: int, since: int) -> int:
        removed = 0
        for key, recs in self.records.items():
            kept = [r for r in recs if r[1] < since]
            removed += len(recs) - len(kept)
            self.records[key] = kept
        return removed

    def delete_entity(self, timestamp: int, entity: str) -> int:
        keys = [key for key in self.records if key[0] == entity]
        return sum(len(self.records.pop(key)) for key in keys)
