"""Values travel as text in the log; ``decode`` turns them back into Python values by dtype.

``bool`` accepts true/false, 1/0 and yes/no in any case; anything else is a ValueError, as is an
int or float that does not parse. The empty string is a missing value (None) for every dtype.
"""

from __future__ import annotations

from typing import Any


def decode(text: str, dtype: str) -> Any:
    text = text.strip()
    if text == "":
        return None
    if dtype == "int":
        return int(text)
    if dtype == "float":
        return float(text)
    if dtype == "bool":
        word = text.lower()
        if word in ("true", "1", "yes"):
            return True
        if word in ("false", "0", "no"):
            return False
        raise ValueError(f"{text!r} is not a bool")
    if dtype == "str":
        return text
    raise ValueError(f"unknown dtype {dtype!r}")
