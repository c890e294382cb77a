"""Cache keys from call arguments.

Two calls that mean the same thing get the same key: keyword arguments in any order, lists and
dicts (turned into tuples), and sets (order-free). Values that cannot be turned into a key raise
TypeError naming their type.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


def freeze(value: Any) -> Hashable:
    """A hashable stand-in for ``value`` that compares equal exactly when the values do."""
    if isinstance(value, dict):
        return ("dict", tuple(sorted((freeze(k), freeze(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(freeze(v) for v in value))
    if isinstance(value, set | frozenset):
        return ("set", frozenset(freeze(v) for v in value))
    if isinstance(value, Hashable):
        return value
    raise TypeError(f"a {type(value).__name__} cannot be part of a cache key")


def make_key(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Hashable:
    return (name, freeze(args), tuple((k, freeze(v)) for k, v in kwargs.items()))
