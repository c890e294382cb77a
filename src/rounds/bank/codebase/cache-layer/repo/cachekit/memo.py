"""``@memoize(cache)``: remember a function's results in a cache.

Every result is remembered, None included; an exception is not (the next call tries again).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from cachekit.keys import make_key

F = TypeVar("F", bound=Callable[..., Any])


def memoize(cache: Any) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = make_key(fn.__qualname__, args, kwargs)
            value = cache.get(key)
            if value is not None:
                return value
            value = fn(*args, **kwargs)
            cache.put(key, value)
            return value

        return wrapper  # type: ignore[return-value]

    return decorate
