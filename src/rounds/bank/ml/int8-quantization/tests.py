"""Int8 quantization: codes and integer accumulators checked exactly, scales and real values to
float64 tolerance.

Cases put exact ties on the grid (rows whose scale is exactly 1), rows of zeros, outlier rows
(which a single per-tensor scale mishandles) and sums far beyond the int8 and int16 ranges.
"""

import numpy as np

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_scale_tol = floats(atol=1e-12, rtol=1e-9, dtype="float64")
_y_tol = floats(atol=1e-10, rtol=1e-9, dtype="float64")


def _exact_ints(a, e, what, dtype):
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


def _check_quant(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (q, scale)"
    why = _exact_ints(actual[0], expected[0], "q", np.int8)
    if why:
        return why
    o = _scale_tol(actual[1], expected[1], args)
    return None if o.ok else f"scale: {o.message}"


def _check_linear(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (y, acc)"
    why = _exact_ints(actual[1], expected[1], "acc", np.int32)
    if why:
        return why
    o = _y_tol(actual[0], expected[0], args)
    return None if o.ok else f"y: {o.message}"


checker = custom(_check_quant)
linear_check = custom(_check_linear)


def _quant(W):
    """Host-side copy of the rule, used only to build level 2 inputs."""
    amax = np.abs(W).max(axis=1)
    s = np.where(amax > 0, amax / 127, 1.0)
    return np.clip(np.rint(W / s[:, None]), -127, 127).astype(np.int8), s


def _q(W, note, name=""):
    return Call((W,), note=note, name=name)


def _deq(W, note):
    q, s = _quant(W)
    return Call((q, s), entry="dequantize", check=_scale_tol, note=note)


def _lin(g, x, W, note, name=""):
    q, s = _quant(W)
    bias = g.normal(size=W.shape[0])
    return Call((x, q, s, bias), entry="int8_linear", check=linear_check, note=note, name=name)


def examples(level):
    if level == 1:
        W = np.array([[127.0, 0.5, 1.5, 2.5, -0.5], [0.254, -0.1, 0.0, 0.0, 0.0], [0.0] * 5])
        return [_q(W, "ties go to the even code; a zero row has scale 1", name="three rows")]
    x = np.array([[1.0, -2.0]])
    q = np.array([[127, 0], [-127, 127]], dtype=np.int8)
    return [Call((x, q, np.array([0.01, 0.02]), np.array([0.5, 0.0])), entry="int8_linear", check=linear_check,
                 name="one token, two outputs", note="acc = [64*127, -64*127 - 127*127]")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        ties = np.array([[-127.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5, 126.5]])
        outlier = g.normal(size=(6, 16))
        outlier[2, 3] = 500.0
        cases = [
            _q(ties, "the largest magnitude is negative (-127): scale 1, and every .5 goes to the even code"),
            _q(np.array([[3.0, -3.0, 1.0]]), "max and -max map to 127 and -127"),
            _q(np.zeros((2, 4)), "all-zero rows: scale 1.0, codes 0, no division by zero"),
            _q(outlier, "one outlier row: the other rows keep their own fine scales"),
            _q(g.normal(size=(8, 1)), "one column: every code is +-127"),
            _q(g.normal(size=(1, 300)) * 1e-6, "tiny weights: the scale adapts to the row"),
            _q(g.standard_t(3, size=(64, 256)) * 0.02, "heavy-tailed weights"),
            _q(g.normal(size=(1024, 1024)), "a 1024 x 1024 matrix"),
            _deq(g.normal(size=(5, 7)), "dequantize: codes times their row's scale"),
            _deq(np.vstack([g.normal(size=(3, 4)), np.zeros((1, 4))]), "dequantize a zero row"),
        ]
        for _ in range(3):
            cases.append(_q(g.normal(size=(rng.randint(1, 20), rng.randint(1, 20))) * 10 ** rng.uniform(-3, 3),
                            "random matrix"))
        return cases
    xo = g.normal(size=(4, 32))
    xo[1, 5] = 80.0
    cases = [
        _lin(g, g.normal(size=(1, 8)), g.normal(size=(3, 8)), "one token"),
        _lin(g, np.full((2, 512), 3.0), np.full((4, 512), 0.5), "sums of 512 products of 127 * 127: about 8.3 "
             "million, far beyond int8 and int16"),
        _lin(g, np.vstack([np.zeros((1, 16)), g.normal(size=(2, 16))]), g.normal(size=(5, 16)),
             "a zero activation row: its scale is 1 and its output is the bias"),
        _lin(g, xo, g.normal(size=(6, 32)), "an outlier token: every token has its own scale"),
        _lin(g, -np.abs(g.normal(size=(3, 20))), g.normal(size=(4, 20)), "negative activations"),
        _lin(g, g.normal(size=(128, 512)), g.normal(size=(512, 512)) * 0.05, "128 tokens, 512 x 512 weights"),
    ]
    for _ in range(3):
        i, o = rng.randint(1, 64), rng.randint(1, 64)
        cases.append(_lin(g, g.normal(size=(rng.randint(1, 16), i)) * 10 ** rng.uniform(-2, 2), g.normal(size=(o, i)),
                          "random layer"))
    return cases
