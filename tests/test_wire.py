"""The wire format: what crosses the sandbox boundary, and what is refused."""

from __future__ import annotations

import io
import math

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from rounds.judge import wire

plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | st.binary(),
    lambda inner: st.lists(inner, max_size=4)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4),
    max_leaves=20,
)


def roundtrip(v, torch_ok=False):
    body, blobs = wire.encode(v)
    msg, got_blobs = wire.read_frame(io.BytesIO(wire.pack({"v": body}, blobs)), 1 << 20)
    return wire.decode(msg["v"], got_blobs, torch_ok=torch_ok)


@given(plain)
def test_plain_values_round_trip_with_their_types(v):
    got = roundtrip(v)
    assert got == v
    assert type(got) is type(v)


def test_non_finite_floats_and_sets():
    got = roundtrip([math.inf, -math.inf, {1, 2}, frozenset({3})])
    assert got[0] == math.inf and got[1] == -math.inf
    assert got[2] == {1, 2} and got[3] == {3}
    assert math.isnan(roundtrip(float("nan")))


def test_arrays_keep_shape_and_dtype():
    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    got = roundtrip({"a": a, "s": np.int16(7)})
    assert got["a"].dtype == np.float32 and got["a"].shape == (3, 4)
    assert np.array_equal(got["a"], a)
    assert got["s"] == 7 and got["s"].dtype == np.int16


def test_tensors_come_back_as_tensors_where_torch_is_wanted():
    t = torch.randn(2, 3, dtype=torch.float64)
    got = roundtrip(t, torch_ok=True)
    assert isinstance(got, torch.Tensor) and got.dtype == torch.float64
    assert torch.equal(got, t)
    assert isinstance(roundtrip(t), np.ndarray)


@pytest.mark.parametrize("value, why", [
    (type("Liar", (int,), {"__eq__": lambda s, o: True})(0), "cannot send a value of type"),
    (object(), "cannot send a value of type"),
    (np.array([object()]), "dtype=object"),
])
def test_refuses_values_that_could_lie(value, why):
    with pytest.raises(wire.WireError, match=why):
        wire.encode(value)


def test_refuses_too_deep_and_too_many():
    deep: list = []
    cur = deep
    for _ in range(100):
        cur.append([])
        cur = cur[0]
    with pytest.raises(wire.WireError, match="nested deeper"):
        wire.encode(deep)
    with pytest.raises(wire.WireError, match="more than 10 elements"):
        wire.encode(list(range(20)), max_items=10)


def test_frames_over_the_cap_are_refused_before_reading():
    frame = wire.pack({"x": "y" * 1000})
    with pytest.raises(wire.FrameTooLarge):
        wire.read_frame(io.BytesIO(frame), 100)


def test_pickled_arrays_are_never_loaded():
    buf = io.BytesIO()
    np.save(buf, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(wire.WireError, match="malformed array"):
        wire.decode({"$nd": 0}, [buf.getvalue()])


long_lists = st.lists(st.floats(), min_size=wire.PACK_MIN, max_size=300) | st.lists(
    st.integers(min_value=-(2**63), max_value=2**63 - 1), min_size=wire.PACK_MIN, max_size=300)


@given(long_lists)
def test_long_float_and_int_lists_travel_packed_and_come_back_exactly(v):
    body, _ = wire.encode(v)
    assert set(body) <= {"$fl", "$il"}
    got = roundtrip(v)
    assert type(got) is list and len(got) == len(v)
    for a, b in zip(got, v, strict=True):
        assert type(a) is type(b)
        assert (math.isnan(a) and math.isnan(b)) if isinstance(b, float) and math.isnan(b) else a == b
        if isinstance(b, float):
            assert math.copysign(1, a) == math.copysign(1, b)  # -0.0 stays -0.0


def test_lists_that_must_not_be_packed_keep_their_exact_values_and_types():
    n = wire.PACK_MIN
    for v in ([True] * n, [1, 2.5] * n, [2**64] * n, [1.5] * (n - 1), [None] * n, [[1.0] * n] * 2):
        got = roundtrip(v)
        assert got == v and [type(x) for x in got] == [type(x) for x in v]
    assert isinstance(wire.encode([True] * n)[0], list)  # bools are not ints on the wire
    assert isinstance(wire.encode([2**64] * n)[0], list)  # beyond 64 bits: JSON carries it
    assert wire.encode([[1.0] * n] * 2)[0] == [{"$fl": 0}, {"$fl": 1}]


def test_packed_lists_count_towards_the_element_cap_and_bad_references_are_refused():
    with pytest.raises(wire.WireError, match="more than 100 elements"):
        wire.encode([0.5] * 200, max_items=100)
    with pytest.raises(wire.WireError, match="bad packed list"):
        wire.decode({"$fl": 3}, [b"\0" * 8])
    with pytest.raises(wire.WireError, match="bad packed list"):
        wire.decode({"$il": 0}, [b"\0" * 7])
