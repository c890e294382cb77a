"""Training data: labels joined to the feature values known at each label's time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from featclient.freshness import is_fresh
from featclient.rows import FeatureRow
from featclient.schema import FeatureSpec


def point_in_time_join(labels: Sequence[tuple[str, float]], rows: Sequence[FeatureRow],
                       specs: Mapping[str, FeatureSpec]) -> list[dict[str, Any]]:
    """For each label ``(entity, ts)``, in the labels' order, a dict of every feature in ``specs``:
    the value of the row of that entity and feature with the latest timestamp ``<= ts`` (a value
    logged at the label's own time was known then), provided it is fresh at ``ts``
    (:func:`featclient.freshness.is_fresh`); otherwise the feature's default. Among rows with the
    same timestamp the one logged last (the later in ``rows``) wins. Rows are in no particular order.
    """
    # Rows per (entity, feature), by time; equal times keep the log's order (a stable sort), so the
    # last of them is the one logged last.
    series: dict[tuple[str, str], list[FeatureRow]] = defaultdict(list)
    for r in rows:
        if r.feature in specs:
            series[(r.entity, r.feature)].append(r)
    for s in series.values():
        s.sort(key=lambda r: r.ts)
    # Labels by time too, then one forward sweep per series: a pointer that only moves ahead.
    order = sorted(range(len(labels)), key=lambda i: labels[i][1])
    out: list[dict[str, Any]] = [{} for _ in labels]
    for name, spec in specs.items():
        pos: dict[str, int] = {}
        for i in order:
            entity, ts = labels[i]
            s = series.get((entity, name))
            value = spec.default
            if s:
                j = pos.get(entity, 0)
                while j < len(s) and s[j].ts <= ts:
                    j += 1
                pos[entity] = j
                if j and is_fresh(spec, s[j - 1].ts, ts):
                    value = s[j - 1].value
            out[i][name] = value
    return out
