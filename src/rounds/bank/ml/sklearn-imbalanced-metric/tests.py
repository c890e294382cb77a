"""A fraud model on rare positives: the validation AP, a threshold chosen on validation data, and
the test F1 at that threshold.

Positives are 1% to 8% of the rows, shifted by one to three standard deviations in a few
heavy-tailed columns, so the model ranks well but not perfectly (AP between about 0.2 and 0.9) and
the F1-best threshold sits well below 0.5. The model is fit to a gradient tolerance of 1e-8, so any
faithful solution agrees with the reference to about 1e-7 on every score.
"""

import numpy as np

from rounds.testkit import Call, custom, floats

inputs_unchanged = True  # the contract: no argument is modified
_close = floats(atol=1e-6, rtol=1e-5)
NAMES = ("validation average precision", "threshold", "test F1")


def _check(actual, expected, args):
    if type(actual) is not tuple or len(actual) != 3:
        return f"return a tuple of three floats, got {type(actual).__name__}"
    for name, a, e in zip(NAMES, actual, expected, strict=True):
        if type(a) is not float:
            return f"the {name} must be a Python float, got {type(a).__name__}"
        o = _close(a, e, args)
        if not o.ok:
            return f"the {name} is wrong ({o.message})"
    return None


checker = custom(_check)


def _table(g, n, d, rate, sep):
    y = (g.random(n) < rate).astype(np.int64)
    scales = 10.0 ** g.uniform(-1, 2, size=d)
    X = g.standard_t(4, size=(n, d))
    shift = np.zeros(d)
    shift[: max(1, d // 3)] = sep
    X = (X + np.outer(y, shift)) * scales + g.normal(size=d) * scales
    return X, y


def _split(g, rate, sep, d=6, n=(1200, 700, 700), C=1.0, note=""):
    X, y = _table(g, sum(n), d, rate, sep)
    parts, start = [], 0
    for m in n:
        part = y[start:start + m]
        if not part.any():  # every part holds a positive
            part[0] = 1
            X[start] += np.abs(X[start:start + m].std(0))
        parts += [X[start:start + m].copy(), part.copy()]
        start += m
    return Call((*parts, C), note=note)


def _tied_f1():
    # One feature with a positive weight, so the validation ranking follows x: labels 1 1 0 0 1 0 0 0 1
    # from the top. Flagging the top two (TP 2, FP 0) and the top five (TP 3, FP 2) both give F1 = 2/3,
    # the best: the tie goes to the larger threshold, the second score.
    i = np.arange(20)
    X_train, y_train = i[:, None].astype(np.float64), ((i % 3 == 2) | (i > 15)).astype(np.int64)
    X_val = np.array([[9.0], [8.0], [7.0], [6.0], [5.0], [4.0], [3.0], [2.0], [1.0]])
    y_val = np.array([1, 1, 0, 0, 1, 0, 0, 0, 1])
    X_test, y_test = np.array([[8.5], [7.5], [4.5], [1.5], [6.5]]), np.array([1, 0, 1, 0, 0])
    return Call((X_train, y_train, X_val, y_val, X_test, y_test, 1.0),
                note="two thresholds with the same validation F1")


def examples(level):
    X_train = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [8.0], [9.0]])
    y_train = np.array([0, 0, 0, 1, 0, 0, 0, 1, 1, 0])
    X_val = np.array([[1.5], [8.5], [4.5], [6.5], [2.5], [9.5]])
    y_val = np.array([0, 1, 0, 1, 0, 0])
    X_test = np.array([[3.5], [7.5], [0.5], [6.0]])
    y_test = np.array([0, 1, 0, 1])
    return [Call((X_train, y_train, X_val, y_val, X_test, y_test, 1.0), name="ten training rows, one feature")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        _split(g, 0.02, 2.0, note="2% positives"),
        _split(g, 0.05, 1.2, note="5% positives, a weak signal"),
        _split(g, 0.01, 4.0, d=4, note="1% positives, a strong signal"),
        _split(g, 0.08, 1.5, d=9, C=0.05, note="a strong penalty: every score is pulled towards the base rate"),
        _split(g, 0.03, 1.8, d=3, n=(600, 300, 300), C=10.0, note="few rows, a weak penalty"),
    ]
    cases.append(_tied_f1())
    for _ in range(3):
        cases.append(_split(g, float(g.uniform(0.01, 0.08)), float(g.uniform(1.0, 3.0)), d=int(g.integers(2, 10)),
                            C=float(10.0 ** g.uniform(-1.5, 1)), note="random data"))
    cases.append(_split(g, 0.02, 2.0, d=12, n=(3000, 1500, 1500), note="3000 training rows, 12 columns"))
    return cases
