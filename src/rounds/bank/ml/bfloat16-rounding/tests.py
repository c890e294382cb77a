"""bfloat16 rounding against torch's float32 -> bfloat16 -> float32 conversion on the host (level 1)
and the bit formula written out again here (level 2). Bit patterns are compared exactly; NaN
matches any NaN.

Inputs include exact ties with even and odd kept bits, negatives, subnormals, values that round up
to infinity, infinities and NaNs whose bits would carry into an infinity or into the sign.
"""

import numpy as np
import torch

from rounds.testkit import Call, custom

inputs_unchanged = True


def _bits(v):
    return np.asarray(v, dtype=np.float32).view(np.uint32)


def _check(actual, expected, args):
    if isinstance(actual, np.floating) and expected.shape == ():
        actual = np.asarray(actual)  # NumPy turns 0-d results into scalars; accept them
    if not isinstance(actual, np.ndarray):
        return f"return a numpy array, got {type(actual).__name__}"
    if actual.dtype != np.float32:
        return f"dtype {actual.dtype}, expected float32"
    if actual.shape != expected.shape:
        return f"shape {actual.shape}, expected {expected.shape}"
    both_nan = np.isnan(actual) & np.isnan(expected)
    bad = (_bits(actual) != _bits(expected)) & ~both_nan
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(np.atleast_1d(bad))[0])
        got = np.atleast_1d(actual)[idx]
        inp = np.atleast_1d(args[0])[idx]
        return (f"{int(bad.sum())} values differ, first at index {idx}: input {inp!r} "
                f"(bits 0x{int(np.atleast_1d(_bits(args[0]))[idx]):08X}) gave {got!r}")
    return None


checker = custom(_check)


def rne_oracle(x):
    return torch.from_numpy(np.array(x, dtype=np.float32)).to(torch.bfloat16).to(torch.float32).numpy().reshape(x.shape)


def sr_oracle(x, r):
    out = np.empty_like(x)
    flat_x, flat_r, flat_o = x.reshape(-1), r.reshape(-1), out.reshape(-1)
    for k in range(flat_x.size):
        v = flat_x[k]
        if not np.isfinite(v):
            flat_o[k] = v
            continue
        b = int(np.float32(v).view(np.uint32))
        flat_o[k] = np.uint32((b + (int(flat_r[k]) & 0xFFFF)) & 0xFFFF0000).view(np.float32)
    return out


def _from_bits(*bits):
    return np.array(bits, dtype=np.uint32).view(np.float32)


def _rne(x, note, name=""):
    x = np.asarray(x, dtype=np.float32)
    return Call((x,), expected=rne_oracle(x), note=note, name=name)


def _sr(x, r, note, name=""):
    x = np.asarray(x, dtype=np.float32)
    r = np.asarray(r, dtype=np.uint32)
    return Call((x, r), expected=sr_oracle(x, r), entry="stochastic_round_bf16", note=note, name=name)


def examples(level):
    if level == 1:
        return [_rne([1.0, 1.00390625, 1.005859375, 1.0 + 2**-7], "1 + 2^-8 is a tie and goes to the even 1.0",
                     name="around 1")]
    return [_sr([1 + 2**-9, 1 + 2**-9], [0x0000BFFF, 0x1234C000], "only the low 16 bits of r count",
                name="a quarter step")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        ties = [1 + 2**-8, 1 + 3 * 2**-8, -(1 + 2**-8), -(1 + 3 * 2**-8), 2**-126 * (1 + 2**-8), 3.0 + 2**-6]
        big = g.normal(size=10**6).astype(np.float32) * np.float32(10.0) ** g.integers(-30, 30, size=10**6).astype(
            np.float32)
        cases = [
            _rne(np.float32(3.0), "a 0-d array: same shape back"),
            _rne(ties, "exact ties: to the even kept bit, for both signs and a normal near the bottom of the range"),
            _rne([-1.0078125 - 2**-10, 0.1, -0.1, 1 / 3, 1e10, -7.77e-20], "values between two bfloat16 numbers"),
            _rne([0.0, -0.0, 1e-40, -1e-40, 1e-45, 5.9e-39], "zeros keep their sign; subnormals round too"),
            _rne([3.38e38, 3.4028235e38, -3.4028235e38, np.inf, -np.inf],
                 "beyond the largest bfloat16 the carry gives infinity; infinities stay"),
            _rne(_from_bits(0x7FC00000, 0x7F800001, 0x7FFFFFFF, 0xFFFFFFFF, 0xFF800001),
                 "NaNs stay NaN, including those whose low bits would carry into an infinity or past the sign"),
            _rne(g.normal(size=(3, 4, 5)).astype(np.float32), "a 3-d array"),
            _rne(big, "a million values over sixty orders of magnitude"),
        ]
        return cases
    x = g.normal(size=1000).astype(np.float32)
    cases = [
        _sr([1 + 2**-9], [0], "zero noise truncates"),
        _sr([1 + 2**-9], [0xFFFF], "the largest noise carries"),
        _sr([-(1 + 2**-9)] * 2, [0xBFFF, 0xC000], "negative values round away from zero when the noise carries"),
        _sr(np.concatenate([np.float32([np.inf, -np.inf, np.nan]), _from_bits(0x7FFFFFFF, 0xFFFFFFFF)]),
            [0xFFFF] * 5, "infinities and NaNs pass through: noise on NaN bits can carry into the sign or past 32 bits"),
        _sr([3.3961775e38], [0xFFFF], "noise can carry the largest values to infinity"),
        _sr([1.0 + 2**-9] * 4, [0xFFFF0000, 0xABCD0000, 0x00010000, 0x7FFF0000],
            "the high 16 bits of r are ignored: no noise, truncation"),
        _sr(x, g.integers(0, 2**32, size=1000, dtype=np.uint32), "random values and random bits"),
    ]
    return cases
