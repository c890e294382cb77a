"""The online store as serving sees it: the latest fresh value of each feature of an entity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from featclient.batching import batches
from featclient.freshness import is_fresh
from featclient.rows import FeatureRow
from featclient.schema import FeatureSpec

MAX_BATCH = 200


class OnlineStore:
    def __init__(self, specs: Mapping[str, FeatureSpec]) -> None:
        self.specs = dict(specs)
        self._rows: dict[tuple[str, str], list[FeatureRow]] = defaultdict(list)

    def write(self, rows: Iterable[FeatureRow]) -> None:
        for r in rows:
            if r.feature not in self.specs:
                raise KeyError(f"unknown feature {r.feature!r}")
            self._rows[(r.entity, r.feature)].append(r)

    def latest(self, entity: str, feature: str, now: float) -> Any:
        """The value with the latest timestamp not after ``now``, if fresh; else the default."""
        spec = self.specs[feature]
        latest: FeatureRow | None = None
        for r in self._rows.get((entity, feature), []):  # in the order written: ties go to the later
            if r.ts <= now and (latest is None or r.ts >= latest.ts):
                latest = r
        if latest is not None and is_fresh(spec, latest.ts, now):
            return latest.value
        return spec.default

    def get_online(self, entities: Sequence[str], features: Sequence[str], now: float) -> dict[str, dict[str, Any]]:
        """entity -> feature -> value, fetched in batches of at most MAX_BATCH entities."""
        out: dict[str, dict[str, Any]] = {}
        for batch in batches(entities, MAX_BATCH):
            for e in batch:
                out[e] = {f: self.latest(e, f, now) for f in features}
        return out
