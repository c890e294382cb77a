"""Freshness: whether a value logged at ``ts`` can still be served at ``now``."""

from __future__ import annotations

from featclient.schema import FeatureSpec


def is_fresh(spec: FeatureSpec, ts: float, now: float) -> bool:
    """A value is fresh while it is younger than ``max_age_s`` (``now - ts < max_age_s``), and
    always when the spec has no ``max_age_s``. A value from the future (``ts > now``) is not."""
    if ts > now:
        return False
    return spec.max_age_s is None or now - ts < spec.max_age_s
