"""Int4 group quantization: packed bytes and zero points exactly, scales and values to float64
tolerance. The project's tests check the round trip (every weight comes back within half a step).

Inputs include all-positive, all-negative and all-zero groups, exact ties on the grid, one
outlier per group and non-square shapes (groups along the input columns only).
"""

import numpy as np

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_scale = floats(atol=1e-15, rtol=1e-12, dtype="float64")


def _exact(a, e, what, dtype):
    if not isinstance(a, np.ndarray):
        return f"{what} is a {type(a).__name__}, expected a numpy array"
    if a.dtype != dtype:
        return f"{what} has dtype {a.dtype}, expected {np.dtype(dtype)}"
    if a.shape != e.shape:
        return f"{what} has shape {a.shape}, expected {e.shape}"
    bad = np.argwhere(a != e)
    if bad.size:
        idx = tuple(int(i) for i in bad[0])
        return f"{what} differs at {len(bad)} positions, first at index {idx} (got {a[idx]})"
    return None


def _check_q(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 3:
        return "return a tuple (packed, scales, zeros)"
    why = _exact(actual[0], expected[0], "packed", np.uint8) or _exact(actual[2], expected[2], "zeros", np.uint8)
    if why:
        return why
    o = _scale(actual[1], expected[1], args)
    return None if o.ok else f"scales: {o.message}"


checker = custom(_check_q)


def _w(g, out_f, in_f, scale=1.0, shift=0.0):
    W = g.normal(size=(out_f, in_f)) * scale + shift
    return np.round(W * 997) / 997  # coarse values: nothing sits within 1e-9 of a rounding boundary


def _q(W, gs, note, name=""):
    return Call((W, gs), note=note, name=name)


def _dq(g, W, gs, note, random_bytes=False):
    out_f, in_f = W.shape
    if random_bytes:
        packed = g.integers(0, 256, size=(out_f, in_f // 2)).astype(np.uint8)
        scales = np.abs(g.normal(size=(out_f, in_f // gs))) + 0.01
        zeros = g.integers(0, 16, size=(out_f, in_f // gs)).astype(np.uint8)
    else:
        amn = np.minimum(W.reshape(out_f, -1, gs).min(2), 0)
        amx = np.maximum(W.reshape(out_f, -1, gs).max(2), 0)
        scales = np.where(amx > amn, (amx - amn) / 15, 1.0)
        zeros = np.clip(np.rint(-amn / scales), 0, 15)
        q = np.clip(np.rint(W.reshape(out_f, -1, gs) / scales[..., None]) + zeros[..., None], 0, 15)
        q = q.astype(np.uint8).reshape(out_f, in_f)
        packed = (q[:, 0::2] | (q[:, 1::2] << 4)).astype(np.uint8)
        zeros = zeros.astype(np.uint8)
    return Call((packed, scales, zeros, gs), entry="dequantize_int4_groups", check=_scale, note=note)


def examples(level):
    W = np.array([[0.0, 1.5, 3.0, 0.75]])
    if level == 1:
        return [_q(W, 4, "one group: scale 0.2, zero point 0", name="four weights")]
    g = np.random.default_rng(0)
    return [_dq(g, W, 4, "the level 1 example, unpacked")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        ties = np.array([[-1.5, 0.0, 1.5, 0.5, -0.5, 0.25, -0.25, 1.0]])  # scale 0.2: w / scale = 2.5, 1.25, ...
        cases = [
            _q(np.array([[0.0, 0.0, 0.0, 0.0]]), 4, "an all-zero group: scale 1.0, zero point 0, codes 0"),
            _q(np.array([[-3.0, 0.0, 1.5, 3.0]]), 2, "two groups of two: each has its own scale and zero point"),
            _q(np.array([[2.0, 3.0, 2.5, 2.25]]), 4, "an all-positive group: the range is widened to include 0"),
            _q(np.array([[-2.0, -1.0, -4.0, -3.0]]), 4, "an all-negative group: zero point 15"),
            _q(ties, 8, "codes on exact halves go to the even integer"),
            _q(_w(g, 3, 8), 2, "group size 2"),
            _q(_w(g, 4, 12, shift=0.5), 6, "non-square: groups run along the input columns, never across rows"),
            _q(_w(g, 8, 8), 4, "a square matrix: groups along each row's columns, not down the columns"),
            _q(_w(g, 1024, 4096, scale=0.02), 128, "a 1024 x 4096 matrix with groups of 128"),
        ]
        for _ in range(3):
            gs = rng.choice([2, 4, 8])
            cases.append(_q(_w(g, rng.randint(1, 8), gs * rng.randint(1, 6), scale=rng.choice([0.01, 1.0, 50.0]),
                               shift=rng.choice([0.0, 1.0])), gs, "random matrix"))
        return cases
    cases = [
        _dq(g, np.array([[0.0, 0.0, 0.0, 0.0]]), 4, "an all-zero group comes back as zeros"),
        _dq(g, _w(g, 4, 16), 4, "the low nibble is the even column"),
        _dq(g, _w(g, 4, 16), 8, "nibbles above 7 are unsigned codes 8..15, not negative numbers", random_bytes=True),
        _dq(g, _w(g, 2, 12), 6, "groups of 6 along the columns", random_bytes=True),
        _dq(g, _w(g, 1024, 4096, scale=0.02), 128, "a 1024 x 4096 matrix"),
    ]
    for _ in range(3):
        gs = rng.choice([2, 4, 8])
        cases.append(_dq(g, _w(g, rng.randint(1, 8), gs * rng.randint(1, 6)), gs, "random bytes", random_bytes=True))
    return cases
