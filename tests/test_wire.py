"""The wire format: what crosses the sandbox boundary, and what is refused."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from rounds.content.package import load_problem
from rounds.domain.verdict import Verdict
from rounds.judge import wire
from rounds.judge.graders.base import Context, HarnessLost

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


# What the host reads back is bounded: depth, element count, blob bytes, int length. Anything over
# a limit or malformed is a WireError (the solution's runtime error), refused before it is walked.


def nested(depth: int) -> list:
    v: list = []
    for _ in range(depth):
        v = [v]
    return v


def test_decode_refuses_a_value_nested_deeper_than_the_limit():
    assert wire.decode(nested(wire.MAX_DEPTH), []) == nested(wire.MAX_DEPTH)
    with pytest.raises(wire.WireError, match=f"nested deeper than {wire.MAX_DEPTH} levels"):
        wire.decode(nested(wire.MAX_DEPTH + 1), [])
    with pytest.raises(wire.WireError, match="nested deeper"):
        wire.decode(nested(10_000), [])  # far past Python's own recursion limit: still a WireError


def test_a_list_over_the_element_cap_is_refused_before_it_is_walked(monkeypatch):
    calls = 0
    real = wire.Decoder.dec

    def counting(self, v, depth=0):
        nonlocal calls
        calls += 1
        return real(self, v, depth)

    monkeypatch.setattr(wire.Decoder, "dec", counting)
    with pytest.raises(wire.WireError, match=f"more than {wire.MAX_ELEMENTS:,} elements"):
        wire.decode([[0] * wire.MAX_ELEMENTS], [])
    assert calls <= 2, "the outer list and the long one are looked at, none of its items"


def test_a_packed_list_over_the_element_cap_is_refused_before_it_is_unpacked(monkeypatch):
    n = wire.MAX_ELEMENTS + 1
    blob = b"\0" * (8 * n)  # a packed list of ints, as a 60 MB result would be, only smaller

    def never(*a):
        raise AssertionError("the blob was unpacked")

    monkeypatch.setattr(wire, "array", never)
    with pytest.raises(wire.WireError, match="more than 2,000,000 elements"):
        wire.decode({"$il": 0}, [blob])
    with pytest.raises(wire.WireError, match="more than 10 elements"):
        wire.decode([{"$fl": 0}], [b"\0" * 8 * 10], max_elements=10)


def test_values_read_through_one_decoder_share_one_budget_and_read_each_blob_once():
    body, blobs = wire.encode([1.5] * 100)
    read = wire.Decoder(blobs)
    assert read(body) == [1.5] * 100
    with pytest.raises(wire.WireError, match="referenced twice"):
        read(body)  # a step naming the same 60 MB blob 40k times would cost 40k unpackings
    read = wire.Decoder([], max_elements=10)
    read([1, 2, 3, 4, 5])
    with pytest.raises(wire.WireError, match="more than 10 elements"):
        read([1, 2, 3, 4, 5])
    with pytest.raises(wire.WireError, match="referenced twice"):
        wire.decode([{"$nd": 0}, {"$nd": 0}], wire.encode(np.zeros(3))[1])


def test_blob_bytes_are_capped():
    with pytest.raises(wire.WireError, match="more than 1 MB"):
        wire.Decoder([b"\0" * (2 << 20)], max_bytes=1 << 20)({"$il": 0})
    body, blobs = wire.encode([b"x" * (600 << 10), np.zeros(80_000)])
    with pytest.raises(wire.WireError, match="more than 1 MB"):
        wire.Decoder(blobs, max_bytes=1 << 20)(body)


@pytest.mark.parametrize("body", [
    {"$t": 5}, {"$d": [[1]]}, {"$d": 3}, {"$b": 5}, {"$b": "not base64!"}, {"$s": [[1]]}, {"$nd": "x"},
    {"$fl": 0}, {"$x": 1}, {"$t": [], "$d": [], "$s": []}, {"$d": [[[1], 2]]},
])
def test_malformed_values_are_wire_errors_never_other_exceptions(body):
    with pytest.raises(wire.WireError):
        wire.decode(body, [])


def test_ints_are_capped_at_a_length_python_can_print():
    big = 10**wire.MAX_INT_DIGITS
    assert roundtrip(big - 1) == big - 1
    with pytest.raises(wire.WireError, match=f"more than {wire.MAX_INT_DIGITS} digits"):
        wire.encode(10**1_000_000)
    with pytest.raises(wire.WireError, match=f"more than {wire.MAX_INT_DIGITS} digits"):
        wire.decode([-big], [])


def test_the_encoder_refuses_a_long_list_by_its_length():
    with pytest.raises(wire.WireError, match="more than 2,000,000 elements"):
        wire.encode([0] * (wire.MAX_ELEMENTS + 1))
    assert isinstance(wire.encode([0] * 1000)[0], dict)


@pytest.mark.parametrize("body, why", [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b"{\"v\": " + b"9" * 5000 + b"}", "malformed frame body"),
    (b"{\"v\": [" + b"0," * (wire.MAX_JSON_VALUES + 1) + b"0]}", "too many values"),
    (b"\xff\xfe", "malformed frame body"),
])
def test_frame_bodies_that_would_cost_the_reader_are_refused(body, why):
    frame = wire._HEADER.pack(len(body), 0) + body
    with pytest.raises(wire.WireError, match=why):
        wire.parse_frame(frame, len(frame))


@pytest.mark.parametrize("body, blobs", [
    ({"$t": 5}, []), (nested(200), []), ({"$il": 0}, [b"\0" * 8 * (wire.MAX_ELEMENTS + 1)]), (10**5000, []),
], ids=["malformed", "deep", "too-many", "long-int"])
def test_the_host_turns_an_unreadable_value_into_a_runtime_error(body, blobs):
    ctx = Context(problem=load_problem(Path(__file__).parent / "judge_cases" / "_bank" / "algo" / "double"), source="")
    with pytest.raises(HarnessLost) as caught:
        ctx.decode(body, blobs)
    assert caught.value.verdict is Verdict.RE
    assert caught.value.message.startswith("the returned value could not be read: ")
