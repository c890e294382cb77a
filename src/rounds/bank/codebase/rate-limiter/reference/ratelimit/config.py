"""Rules as operators write them: ``"user: 100/min, ip: 20/s, export: 5/h"``.

Each rule is ``name: LIMIT/UNIT`` where UNIT is ``s``, ``min`` or ``h``, or a number of seconds
followed by ``s`` (``10/30s``: ten requests per thirty seconds). Names are unique. Whitespace is
free. A bad rule raises ConfigError naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {"s": 1.0, "sec": 1.0, "min": 60.0, "m": 60.0, "h": 3600.0, "hour": 3600.0}
_RULE = re.compile(r"^\s*([a-z][a-z0-9_-]*)\s*:\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int  # requests allowed ...
    window_s: float  # ... in any window of this many seconds

    def __str__(self) -> str:
        return f"{self.name}: {self.limit}/{self.window_s:g}s"


def parse_rule(text: str) -> Rule:
    m = _RULE.match(text.lower())
    if not m:
        raise ConfigError(f"cannot read rule {text.strip()!r}: expected 'name: LIMIT/UNIT'")
    name, limit, count, unit = m.groups()
    if unit not in UNITS:
        raise ConfigError(f"rule {name!r}: unknown unit {unit!r} (one of {', '.join(sorted(UNITS))})")
    window = UNITS[unit] * (int(count) if count else 1)
    if int(limit) <= 0 or window <= 0:
        raise ConfigError(f"rule {name!r}: the limit and the window must be positive")
    return Rule(name, int(limit), window)


def parse_rules(text: str) -> list[Rule]:
    """Every rule of a comma-separated config, in order."""
    rules = [parse_rule(part) for part in text.split(",") if part.strip()]
    seen: set[str] = set()
    for r in rules:
        if r.name in seen:
            raise ConfigError(f"rule {r.name!r} is given twice")
        seen.add(r.name)
    return rules
