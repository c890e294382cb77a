"""Classification metrics from the reference, which the project's tests compare with plain
per-example loops written from the definitions.

Cases include classes never predicted or never present (0 / 0 = 0), many tied scores (tied
examples enter the PR curve together), confidences exactly on bin edges, and argmax ties.
"""

import numpy as np

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_f = floats(atol=1e-12, rtol=1e-9)


def _check_report(actual, expected, args):
    if not isinstance(actual, dict):
        return f"return a dict, got {type(actual).__name__}"
    if set(actual) != set(expected):
        return f"the dict's keys must be exactly {sorted(expected)}"
    conf = actual["confusion"]
    if not isinstance(conf, np.ndarray) or conf.dtype != np.int64 or conf.shape != expected["confusion"].shape:
        return "confusion must be an int64 array of shape (C, C)"
    if not np.array_equal(conf, expected["confusion"]):
        i, j = (int(v) for v in np.argwhere(conf != expected["confusion"])[0])
        return f"confusion[{i}, {j}] = {conf[i, j]} is wrong (rows are true classes, columns predicted)"
    for k in ("precision", "recall", "f1"):
        a = actual[k]
        if not isinstance(a, np.ndarray) or a.dtype != np.float64:
            return f"{k} must be a float64 array"
        o = _f(a, expected[k], args)
        if not o.ok:
            return f"{k}: {o.message}"
    for k in ("macro_f1", "micro_f1"):
        if not isinstance(actual[k], float):
            return f"{k} must be a Python float"
        o = _f(actual[k], expected[k], args)
        if not o.ok:
            return f"{k}: {o.message}"
    return None


checker = custom(_check_report)


def _rep(y, p, C, note, name=""):
    return Call((np.asarray(y, dtype=np.int64), np.asarray(p, dtype=np.int64), C), note=note, name=name)


def _ap(y, s, note, name=""):
    return Call((np.asarray(y, dtype=np.int64), np.asarray(s, dtype=np.float64)), entry="average_precision",
                check=_f, note=note, name=name)


def _ece(probs, labels, M, note, name=""):
    return Call((np.asarray(probs, dtype=np.float64), np.asarray(labels, dtype=np.int64), M),
                entry="expected_calibration_error", check=_f, note=note, name=name)


def _probs_off_edges(g, N, C, M, temp=1.0):
    while True:
        z = g.normal(size=(N, C)) * temp
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        x = p.max(1) * M
        if np.all(np.abs(x - np.rint(x)) > 1e-9):
            return p


def examples(level):
    if level == 1:
        return [_rep([0, 0, 1, 2], [0, 1, 1, 1], 3, "class 2 is never predicted: its precision is 0, not NaN",
                     name="three classes")]
    if level == 2:
        return [_ap([1, 0, 1, 1], [0.9, 0.8, 0.8, 0.1], "the two scores of 0.8 enter together", name="a tie")]
    return [_ece([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7], [0.5, 0.5]], [0, 1, 1, 1], 2,
                 "0.5 is on the edge and goes to the upper bin; [0.5, 0.5] predicts class 0", name="two bins")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        y = g.integers(0, 5, size=200)
        p = np.where(g.random(200) < 0.6, y, g.integers(0, 5, size=200))
        big_y = g.integers(0, 100, size=10**6)
        big_p = np.where(g.random(10**6) < 0.5, big_y, g.integers(0, 100, size=10**6))
        cases = [
            _rep([1], [1], 2, "one example; class 0 is absent everywhere and scores 0"),
            _rep([0, 1, 1, 1], [1, 1, 1, 1], 2, "rows are true classes, columns predicted classes"),
            _rep([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 4, "class 3 never occurs: it still counts in the macro mean"),
            _rep([0, 0, 0, 0, 1, 2], [0, 0, 0, 1, 2, 1], 3,
                 "macro F1 is the mean of the F1s, not the F1 of macro precision and recall"),
            _rep(y, p, 5, "200 examples, five classes"),
            _rep(big_y, big_p, 100, "a million examples, 100 classes"),
        ]
        for _ in range(3):
            C = rng.randint(2, 8)
            n = rng.randint(1, 40)
            cases.append(_rep(g.integers(0, C, size=n), g.integers(0, C, size=n), C, "random labels"))
        return cases
    if level == 2:
        cases = [
            _ap([1], [0.3], "one positive example: AP 1"),
            _ap([0, 1], [0.9, 0.1], "the positive ranked last: AP 1/2"),
            _ap([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5], "all scores tied: one threshold, AP = the positive rate"),
            _ap([0, 1, 1, 0, 1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2],
                "no ties: precision is not interpolated upwards"),
            _ap(g.integers(0, 2, size=500) | (np.arange(500) == 0), np.round(g.random(500), 1),
                "scores rounded to one decimal: many ties"),
            _ap((g.random(10**6) < 0.01).astype(np.int64) | (np.arange(10**6) == 7), g.random(10**6),
                "a million examples, 1% positive"),
        ]
        for _ in range(3):
            n = rng.randint(1, 30)
            y = g.integers(0, 2, size=n)
            y[rng.randrange(n)] = 1
            cases.append(_ap(y, np.round(g.random(n), rng.choice([1, 2, 6])), "random ranking"))
        return cases
    edge = np.array([[0.5, 0.25, 0.25], [0.25, 0.75, 0.0], [1.0, 0.0, 0.0], [0.25, 0.25, 0.5]])
    cases = [
        _ece([[1.0, 0.0]], [0], 10, "confidence 1.0 goes to the last bin; a perfect prediction has ECE 0"),
        _ece(edge, [0, 0, 0, 2], 4, "confidences exactly on edges: 0.5 opens bin 2, 0.75 opens bin 3"),
        _ece([[0.5, 0.5], [0.9, 0.1]], [0, 1], 2,
             "0.5 shares the upper bin with 0.9, where their gaps of opposite sign partly cancel"),
        _ece([[0.5, 0.5], [0.5, 0.5], [0.2, 0.8]], [1, 0, 1], 5, "argmax ties go to class 0"),
        _ece(_probs_off_edges(g, 300, 4, 10, temp=2.0), g.integers(0, 4, size=300), 10,
             "bins weighted by their number of examples"),
        _ece(_probs_off_edges(g, 50, 3, 1), g.integers(0, 3, size=50), 1, "one bin: |accuracy - mean confidence|"),
        _ece(_probs_off_edges(g, 10**5, 10, 15, temp=3.0), g.integers(0, 10, size=10**5), 15,
             "100000 examples, 15 bins"),
    ]
    for _ in range(3):
        N, C, M = rng.randint(1, 50), rng.randint(2, 6), rng.randint(1, 20)
        cases.append(_ece(_probs_off_edges(g, N, C, M, temp=rng.choice([0.5, 3.0])), g.integers(0, C, size=N), M,
                          "random predictions"))
    return cases
