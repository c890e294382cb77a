"""Feature definitions, as the registry exports them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DTYPES = ("int", "float", "bool", "str")


@dataclass(frozen=True)
class FeatureSpec:
    name: str
    dtype: str  # one of DTYPES
    default: Any = None  # served when no fresh value exists
    max_age_s: float | None = None  # a value older than this is stale; None: never stale

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ValueError(f"feature {self.name!r}: dtype must be one of {DTYPES}, not {self.dtype!r}")
        if self.max_age_s is not None and self.max_age_s <= 0:
            raise ValueError(f"feature {self.name!r}: max_age_s must be positive")


def parse_specs(rows: Iterable[Mapping[str, Any]]) -> dict[str, FeatureSpec]:
    """Specs by name from the registry's export (dicts with name, dtype, default, max_age_s)."""
    out: dict[str, FeatureSpec] = {}
    for row in rows:
        spec = FeatureSpec(str(row["name"]), str(row["dtype"]), row.get("default"), row.get("max_age_s"))
        if spec.name in out:
            raise ValueError(f"feature {spec.name!r} is defined twice")
        out[spec.name] = spec
    return out
