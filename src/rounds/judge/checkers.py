"""Checkers: pure host-side functions that compare an actual value with the expected one.

A checker is called as ``check(actual, expected, args)`` and returns an
:class:`Outcome`. Its ``message`` never contains the expected value, nor
anything it can be worked out from (the size of an error next to the value
returned gives it away): that goes in ``detail``, which only open feedback and
visible examples show, like the expected value itself.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np


@dataclass
class Outcome:
    ok: bool
    message: str = ""  # what went wrong and where: shown in standard feedback
    detail: str = ""  # figures that tell the expected value (an error's size): open feedback only

    @classmethod
    def passed(cls) -> Outcome:
        return cls(True, "")


class Checker(Protocol):
    name: str

    def __call__(self, actual: Any, expected: Any, args: Sequence[Any]) -> Outcome: ...


def short(v: Any, limit: int = 200) -> str:
    """A bounded repr for feedback: at most ``limit`` characters, never raises (see :func:`safe_repr`)."""
    return safe_repr(v, limit)


_BIG_INT_BITS = 3000  # about 900 digits: a longer int is shown by its length, never converted whole
_MAX_REPR_DEPTH = 20
_LOG10_2 = math.log10(2)


def safe_repr(v: Any, limit: int = 200) -> str:
    """A repr of at most ``limit`` characters whose cost follows ``limit``, not the value's size.

    Containers are walked only as far as the text reaches, strings and bytes are cut before they
    are quoted, an int too long to print is shown by its number of digits, numpy arrays and torch
    tensors are summarised. Other objects (only the reference's and the tests' own values can be
    anything else: the wire carries plain data) are shown by their own ``repr``, cut. It never
    raises: a failing repr is replaced by the type's name.
    """
    limit = max(limit, 8)
    try:
        s = _repr(v, limit + 1, 0)
    except Exception as exc:  # noqa: BLE001 - showing a value must never break the report
        s = f"<{type_name(v)}: repr failed ({type(exc).__name__})>"
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _repr(v: Any, left: int, depth: int) -> str:
    """Text for ``v``; past ``left`` characters the caller cuts it, so no more is built."""
    t = type(v)
    if v is None or t is bool or t is float:
        return repr(v)
    if t is int:
        if v.bit_length() > _BIG_INT_BITS:
            return f"<int of about {int(v.bit_length() * _LOG10_2) + 1} digits>"
        return repr(v)
    if isinstance(v, str | bytes | bytearray):
        cut = v[: max(left, 1)]  # cut first: quoting 60 MB would cost 60 MB
        s = repr(cut) if t in (str, bytes) or isinstance(cut, str) else f"{type_name(v)}({bytes(cut)!r})"
        return s + "..." if len(cut) < len(v) else s
    if isinstance(v, np.ndarray):
        return _array(v)
    if _is_tensor(v):
        return "tensor: " + _array(v.detach().cpu().numpy())
    if isinstance(v, np.generic):
        return repr(v)[: max(left, 8)]
    if isinstance(v, list | tuple | set | frozenset | deque | dict):
        if depth >= _MAX_REPR_DEPTH:
            return f"<{type_name(v)}>"
        if isinstance(v, dict):
            body = "{" + _joined(((k, x) for k, x in v.items()), len(v), left, depth, pairs=True) + "}"
        elif isinstance(v, tuple):
            body = "(" + _joined(iter(v), len(v), left, depth) + ("," if len(v) == 1 else "") + ")"
        elif not isinstance(v, set | frozenset):
            body = "[" + _joined(iter(v), len(v), left, depth) + "]"
        elif not v:
            body = ""
        else:
            body = "{" + _joined(iter(v), len(v), left, depth) + "}"
        if t in (list, tuple, dict, set) and (body or t is not set):
            return body
        return f"{type_name(v)}({body})"
    s = repr(v)  # trusted values only; their text is cut
    return s[: max(left, 8)]


def _joined(items: Any, n: int, left: int, depth: int, *, pairs: bool = False) -> str:
    parts: list[str] = []
    used = 0
    for item in items:
        if used >= left:
            break
        if pairs:
            ks = _repr(item[0], left - used, depth + 1)
            part = f"{ks}: {_repr(item[1], left - used - len(ks), depth + 1)}"
        else:
            part = _repr(item, left - used, depth + 1)
        parts.append(part)
        used += len(part) + 2
    if len(parts) < n:
        parts.append(f"... ({n} items)")
    return ", ".join(parts)


def _array(a: Any) -> str:
    head = f"array(shape={a.shape}, dtype={a.dtype})"
    if a.dtype.hasobject or a.dtype.fields is not None or a.dtype.itemsize > 64:
        return head
    if a.ndim == 0:
        return f"{head}: {_scalar(a[()])}"
    # The first values in row-major order, formatted one by one: numpy's own printing costs about
    # half a millisecond an array, and every test shows two.
    first = [_scalar(x) for x in a.flat[:ARRAY_SHOWN]]
    more = f", ... {a.size} values" if a.size > ARRAY_SHOWN else ""
    return f"{head}: [{', '.join(first)}{more}]"


ARRAY_SHOWN = 8


def _scalar(x: Any) -> str:
    if isinstance(x, np.floating | float):
        return format(float(x), ".6g")
    if isinstance(x, np.bool_ | bool):
        return str(bool(x))
    if isinstance(x, np.integer | int):
        return str(int(x))
    return repr(x)[:40]


def _is_tensor(v: Any) -> bool:
    return type(v).__module__.startswith("torch") and hasattr(v, "detach")


def type_name(v: Any) -> str:
    t = type(v)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__name__}"


def _strict_equal(a: Any, b: Any, path: str) -> Outcome | None:
    """None when equal with matching types, else where and how they differ."""
    ta, tb = type(a), type(b)
    if isinstance(b, float) and ta is float:
        if math.isnan(b) and math.isnan(a):
            return None
        return None if a == b else Outcome(False, f"{path or 'value'}: {a!r} != expected")
    if ta is not tb and not (isinstance(a, np.generic) and isinstance(b, np.generic)):
        return Outcome(False, f"{path or 'value'} has type {type_name(a)}, expected {type_name(b)}")
    if tb in (list, tuple):
        if len(a) != len(b):
            return Outcome(False, f"{path or 'value'} has length {len(a)}, expected length {len(b)}")
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = _strict_equal(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    if tb is dict:
        if set(a) != set(b):
            missing = [k for k in b if k not in a]
            extra = [k for k in a if k not in b][:3]
            # The keys the answer lacks are part of the expected value: open feedback only.
            return Outcome(False, f"{path or 'dict'} keys differ: {len(missing)} missing, unexpected {short(extra, 80)}",
                           f"missing {short(missing[:3], 80)}")
        for k in b:
            d = _strict_equal(a[k], b[k], f"{path}[{short(k, 40)}]")
            if d:
                return d
        return None
    if tb is np.ndarray:
        if a.shape != b.shape:
            return Outcome(False, f"{path or 'array'} has shape {a.shape}, expected {b.shape}")
        if not np.array_equal(a, b):
            idx = tuple(int(i) for i in np.argwhere(a != b)[0])
            return Outcome(False, f"{path or 'array'} differs first at index {idx}: got {short(a[idx], 40)}")
        return None
    if a != b:
        return Outcome(False, f"{path or 'value'}: got {short(a, 80)}")
    return None


class _Exact:
    name = "exact"

    def __call__(self, actual: Any, expected: Any, args: Sequence[Any]) -> Outcome:
        return _strict_equal(actual, expected, "") or Outcome.passed()


def exact() -> Checker:
    """Equal value and equal types (``1`` is not ``1.0`` nor ``True``; a tuple is not a list)."""
    return _Exact()


def _freeze(v: Any) -> Any:
    if isinstance(v, list | tuple):
        return tuple(_freeze(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((repr(k), _freeze(x)) for k, x in v.items()))
    if isinstance(v, set):
        return tuple(sorted(map(repr, v)))
    return v


class _Unordered:
    def __init__(self, nested: bool) -> None:
        self.nested = nested
        self.name = "unordered-nested" if nested else "unordered"

    def __call__(self, actual: Any, expected: Any, args: Sequence[Any]) -> Outcome:
        if not isinstance(actual, list):
            return Outcome(False, f"returned {type_name(actual)}, expected a list")

        def norm(x: Any) -> Any:
            if self.nested and isinstance(x, list):
                try:
                    return tuple(sorted(_freeze(i) for i in x))
                except TypeError:
                    return _freeze(x)
            return _freeze(x)

        try:
            ca, ce = Counter(norm(x) for x in actual), Counter(norm(x) for x in expected)
        except TypeError:
            return Outcome(False, "the list holds values that cannot be compared")
        if ca == ce:
            return Outcome.passed()
        if len(actual) != len(expected):
            return Outcome(False, f"returned {len(actual)} items, expected {len(expected)} (order does not matter)")
        extra = list((ca - ce).elements())[:3]
        return Outcome(False, f"wrong items (order does not matter): for example {short(extra, 120)} should not be there")


def unordered(*, nested: bool = False) -> Checker:
    """The same items in any order; with ``nested`` the order inside each inner list is free too."""
    return _Unordered(nested)


class _Floats:
    name = "float"

    def __init__(self, atol: float, rtol: float, dtype: str | None, shape: bool) -> None:
        self.atol, self.rtol, self.dtype, self.shape = atol, rtol, dtype, shape

    def __call__(self, actual: Any, expected: Any, args: Sequence[Any]) -> Outcome:
        if isinstance(expected, list | tuple) and any(
            isinstance(x, np.ndarray | list | tuple) or _is_tensor(x) for x in expected
        ):
            if not isinstance(actual, list | tuple) or len(actual) != len(expected):
                return Outcome(False, f"returned {type_name(actual)}, expected a sequence of {len(expected)} values")
            for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
                o = self(a, e, args)
                if not o.ok:
                    return Outcome(False, f"item {i}: {o.message}", o.detail)
            return Outcome.passed()
        want_tensor = _is_tensor(expected)
        if want_tensor and not _is_tensor(actual):
            return Outcome(False, f"returned {type_name(actual)}, expected a torch.Tensor")
        if isinstance(expected, np.ndarray) and not isinstance(actual, np.ndarray):
            if isinstance(actual, int | float | list) or _is_tensor(actual):
                return Outcome(False, f"returned {type_name(actual)}, expected a numpy.ndarray")
        if _is_tensor(actual):
            actual = actual.detach().cpu().numpy()
        if _is_tensor(expected):
            expected = expected.detach().cpu().numpy()
        if isinstance(expected, float | int) and not isinstance(expected, bool):
            if not isinstance(actual, int | float | np.floating | np.integer) or isinstance(actual, bool):
                return Outcome(False, f"returned {type_name(actual)}, expected a float")
        try:
            a = np.asarray(actual, dtype=np.float64)
        except OverflowError:  # an int past 1e308
            return Outcome(False, f"returned {type_name(actual)} holding an int too large for a float")
        except (TypeError, ValueError):
            return Outcome(False, f"returned {type_name(actual)}, which is not numeric")
        e = np.asarray(expected, dtype=np.float64)
        if self.shape and a.shape != e.shape:
            return Outcome(False, f"shape {a.shape}, expected shape {e.shape}")
        if self.dtype and isinstance(actual, np.ndarray) and str(actual.dtype) != self.dtype:
            return Outcome(False, f"dtype {actual.dtype}, expected {self.dtype}")
        if a.shape != e.shape:
            try:
                a = np.broadcast_to(a, e.shape)
            except ValueError:
                return Outcome(False, f"shape {a.shape}, expected shape {e.shape}")
        bad_nan = np.isnan(a) & ~np.isnan(e)
        close = np.isclose(a, e, rtol=self.rtol, atol=self.atol, equal_nan=True)
        if close.all():
            return Outcome.passed()
        diff = np.abs(a - e)
        diff = np.where(np.isnan(diff), np.inf, diff)
        rel = diff / np.maximum(np.abs(e), max(self.atol, 1e-12))
        first = tuple(int(i) for i in np.argwhere(~close)[0]) if a.ndim else ()
        where = f" first at index {first}" if first else ""
        got = a[first] if first else a
        # Which element is wrong and the tolerance; the error's size next to the value returned
        # would give the expected value away, so it is open feedback only.
        parts = [f"{int((~close).sum())} of {close.size} values off{where} (got {float(got):.6g})",
                 f"tolerance atol={self.atol:g} rtol={self.rtol:g}"]
        if bad_nan.any():
            parts.insert(0, f"{int(bad_nan.sum())} NaN values where numbers were expected")
        return Outcome(False, "; ".join(parts),
                       f"max abs error {float(diff.max()):.3g}, max rel error {float(rel.max()):.3g}")


def floats(atol: float = 1e-8, rtol: float = 1e-6, *, dtype: str | None = None, shape: bool = True) -> Checker:
    """Numbers or arrays equal within ``|a - e| <= atol + rtol * |e|``; reports max errors and the first bad index."""
    return _Floats(atol, rtol, dtype, shape)


Validator = Callable[[Sequence[Any], Any, Any], "str | None"]


class _AnyValid:
    name = "any-valid"

    def __init__(self, validator: Validator) -> None:
        self.validator = validator

    def __call__(self, actual: Any, expected: Any, args: Sequence[Any]) -> Outcome:
        try:
            problem = self.validator(args, actual, expected)
        except Exception as exc:  # the answer broke the validator: it is malformed
            return Outcome(False, f"malformed answer ({type(exc).__name__}: {exc})")
        return Outcome(problem is None, problem or "")


def any_valid(validator: Validator) -> Checker:
    """Any answer the validator accepts: ``validator(args, actual, reference_answer) -> None | why not``."""
    return _AnyValid(validator)


class _Custom:
    name = "custom"

    def __init__(self, fn: Callable[[Any, Any, Sequence[Any]], Any]) -> None:
        self.fn = fn

    def __call__(self, actual: Any, expected: Any, args: Sequence[Any]) -> Outcome:
        r = self.fn(actual, expected, args)
        if isinstance(r, Outcome):
            return r
        return Outcome(r is None, r or "")


def custom(fn: Callable[[Any, Any, Sequence[Any]], Any]) -> Checker:
    """A problem's own comparison: returns None (or a passing Outcome) when right, else why."""
    return _Custom(fn)


def same_run(losses: Sequence[float], ref_losses: Sequence[float], out: Any, ref_out: Any, *,
             atol: float = 1e-4, rtol: float = 1e-3, out_name: str = "test_logits") -> Outcome:
    """A training run against the reference's on the same data and seed.

    Debug-the-script problems are graded by behaviour only the right fix has: every step's loss
    within ``atol + rtol * |loss|`` of the fixed script's, then the returned outputs within the same
    tolerance. The message names the first step (or row) that left the reference's run; the
    reference's own figures go in ``detail`` (open feedback only).
    """
    for i, (a, e) in enumerate(zip(losses, ref_losses, strict=False)):
        if not abs(a - e) <= atol + rtol * abs(e):
            return Outcome(False, f"the loss at step {i + 1} is {a:.6g}, off the run of the fixed script on this "
                                  f"data and seed (tolerance {atol:g} + {rtol:g} * |loss| per step): the change "
                                  "alters the training run, not only the bug",
                           f"the fixed script's loss at step {i + 1} is {e:.6g}")
    o = floats(atol=atol, rtol=rtol, shape=True)(out, ref_out, ())
    if not o.ok:
        return Outcome(False, f"{out_name} differ from the fixed script's on this data and seed: {o.message}", o.detail)
    return Outcome.passed()


def changed_input(before: Sequence[Any], after: Sequence[Any]) -> int | None:
    """The index of the first argument the call changed, or None when every one is as it was.

    Arrays and tensors must keep their shape, dtype and every value (NaN stays NaN); lists, tuples
    and dicts are compared item by item, so a sorted or appended-to list counts as changed.
    """
    for i, (b, a) in enumerate(zip(before, after, strict=False)):
        if not _same(b, a):
            return i
    return None


def _same(b: Any, a: Any) -> bool:
    if _is_tensor(b) or _is_tensor(a):
        if not (_is_tensor(b) and _is_tensor(a)):
            return False
        b, a = b.detach().cpu().numpy(), a.detach().cpu().numpy()
    if isinstance(b, np.ndarray) or isinstance(a, np.ndarray):
        if not (isinstance(b, np.ndarray) and isinstance(a, np.ndarray)):
            return False
        if b.shape != a.shape or b.dtype != a.dtype:
            return False
        if b.dtype.kind in "fc":
            return bool(np.array_equal(b, a, equal_nan=True))
        return bool(np.array_equal(b, a))
    if type(b) is not type(a):
        return False
    if isinstance(b, list | tuple):
        return len(b) == len(a) and all(_same(x, y) for x, y in zip(b, a, strict=True))
    if isinstance(b, dict):
        return list(b) == list(a) and all(_same(b[k], a[k]) for k in b)
    if isinstance(b, float) and math.isnan(b):
        return math.isnan(a)
    return bool(b == a)


BY_NAME: dict[str, Callable[[], Checker]] = {
    "exact": exact,
    "unordered": unordered,
    "unordered-nested": lambda: unordered(nested=True),
    "float": floats,
}
