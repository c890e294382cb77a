"""Checkers: strict about types, specific about what is wrong."""

from __future__ import annotations

import numpy as np
import torch

from rounds.judge.checkers import any_valid, exact, floats, unordered


def test_exact_tells_types_apart():
    c = exact()
    assert c([1, 2], [1, 2], ()).ok
    assert not c(1.0, 1, ()).ok
    assert not c(True, 1, ()).ok
    o = c((1, 2), [1, 2], ())
    assert not o.ok and "tuple" in o.message
    o = c([1, 2, 3], [1, 2], ())
    assert "length 3, expected length 2" in o.message
    assert not c(None, 0, ()).ok


def test_exact_message_never_contains_the_expected_value():
    o = exact()("apple", "banana-secret", ())
    assert not o.ok and "banana-secret" not in o.message


def test_unordered_and_nested():
    assert unordered()([3, 1, 2], [1, 2, 3], ()).ok
    assert not unordered()([1, 1, 2], [1, 2, 2], ()).ok
    assert unordered(nested=True)([["b", "a"], ["c"]], [["c"], ["a", "b"]], ()).ok
    assert not unordered()([["b", "a"], ["c"]], [["c"], ["a", "b"]], ()).ok


def test_floats_reports_errors_and_first_bad_index():
    e = np.zeros((2, 3))
    a = e.copy()
    a[1, 2] = 0.5
    o = floats(atol=1e-6, rtol=0)(a, e, ())
    assert not o.ok
    assert "first at index (1, 2)" in o.message and "max abs error 0.5" in o.message
    assert floats()(e + 1e-12, e, ()).ok


def test_floats_shape_dtype_nan_and_type():
    e = np.ones((2, 2))
    assert "shape (4,)" in floats()(np.ones(4), e, ()).message
    assert "dtype float32" in floats(dtype="float64")(np.ones((2, 2), np.float32), e, ()).message
    assert "NaN" in floats()(np.full((2, 2), np.nan), e, ()).message
    assert "expected a float" in floats()("1.0", 1.0, ()).message
    assert "torch.Tensor" in floats()(np.ones(2), torch.ones(2), ()).message
    assert floats()(torch.ones(2, dtype=torch.float64), torch.ones(2, dtype=torch.float64), ()).ok


def test_any_valid_uses_the_validator_and_survives_malformed_answers():
    def even(args, actual, ref):
        return None if actual % 2 == 0 else "odd"

    c = any_valid(even)
    assert c(4, None, ()).ok
    assert c(3, None, ()).message == "odd"
    assert "malformed answer" in c("x", None, ()).message


def test_short_is_bounded_and_never_raises():
    import collections

    from rounds.judge.checkers import safe_repr, short

    huge = 10**100_000  # str() of it raises ValueError in Python 3.11
    assert short(huge) == "<int of about 100001 digits>"
    assert "int of about" in short([huge, 1])
    deep: list = []
    for _ in range(10_000):
        deep = [deep]
    cases = [huge, deep, list(range(10**6)), {i: "v" * 1000 for i in range(10**5)}, "x" * 10**7,
             b"y" * 10**7, np.zeros((1000, 1000)), torch.zeros(10**6), [np.arange(10**6)] * 10**4,
             collections.deque(range(10**6)), {frozenset(range(10**5))}]
    for v in cases:
        s = short(v, 120)
        assert len(s) <= 120, s

    class Broken:
        def __repr__(self):
            raise RuntimeError("no")

    assert "repr failed" in safe_repr(Broken())
    assert short([1, (2,), {3: "a"}, set(), 1.5, None]) == "[1, (2,), {3: 'a'}, set(), 1.5, None]"


def test_checker_messages_survive_values_that_cannot_be_printed():
    huge = 10**100_000
    o = exact()(huge, 3, ())
    assert not o.ok and "int of about" in o.message
    o = exact()({huge: 1}, {huge: 2}, ())
    assert not o.ok
    assert not unordered()([huge], [1], ()).ok
