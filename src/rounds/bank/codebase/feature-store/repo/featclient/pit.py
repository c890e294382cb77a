"""Training data: labels joined to the feature values known at each label's time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
    raise NotImplementedError("TODO: the point-in-time join")
