"""Logged feature rows: ``entity,feature,timestamp,value`` lines (a header line is skipped)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from featclient.codec import decode
from featclient.schema import FeatureSpec


@dataclass(frozen=True)
class FeatureRow:
    entity: str
    feature: str
    ts: float  # seconds since the epoch
    value: Any


def parse_rows(lines: Iterable[str], specs: Mapping[str, FeatureSpec]) -> list[FeatureRow]:
    out: list[FeatureRow] = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or (n == 1 and line.startswith("entity,")):
            continue
        parts = line.split(",", 3)
        if len(parts) != 4:
            raise ValueError(f"line {n}: expected entity,feature,timestamp,value")
        entity, feature, ts, value = parts
        spec = specs.get(feature)
        if spec is None:
            raise ValueError(f"line {n}: unknown feature {feature!r}")
        try:
            out.append(FeatureRow(entity, feature, float(ts), decode(value, spec.dtype)))
        except ValueError as exc:
            raise ValueError(f"line {n}: {exc}") from None
    return out
