"""Mixed tables: numeric columns on very different scales and integer-coded category columns, with
category values in the test rows that the training rows never had.

The category effects are strong and the numeric scales span 0.01 to 10000, so treating codes as
numbers, leaving numbers unscaled, scaling the indicators, dropping a level or fitting the
preprocessing on the test rows all move the probabilities by 1e-3 or more; the model is fit to a
gradient tolerance of 1e-8, so a faithful solution agrees with the reference to about 1e-7.
"""

import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-6, rtol=1e-5, dtype="float64")
inputs_unchanged = True  # the contract: no argument is modified


def _table(g, n_train, n_test, d, cat_cols, levels=6, unseen=2, signal=1.0, unseen_rate=0.1):
    """Rows for both parts; categories unseen in training appear only among the test rows."""
    n = n_train + n_test
    X = np.empty((n, d))
    logit = np.full(n, float(g.normal()) * 0.5)
    for j in range(d):
        if j in cat_cols:
            codes = np.sort(g.choice(np.arange(-1, 200), size=levels + unseen, replace=False)).astype(np.float64)
            g.shuffle(codes)
            seen, fresh = codes[:levels], codes[levels:]
            col = g.choice(seen, size=n)
            if unseen:
                at = n_train + np.flatnonzero(g.random(n_test) < unseen_rate)
                col[at] = g.choice(fresh, size=len(at))
            effect = dict(zip(codes.tolist(), (g.normal(size=len(codes)) * 1.5 * signal).tolist(), strict=True))
            logit += np.array([effect[c] for c in col.tolist()])
            X[:, j] = col
        else:
            scale, offset = 10.0 ** g.uniform(-2, 4), g.normal() * 10.0 ** g.uniform(-2, 4)
            z = g.normal(size=n)
            X[:, j] = z * scale + offset
            logit += z * g.normal() * signal
    y = (g.random(n) < 1 / (1 + np.exp(-logit))).astype(np.int64)
    y[:2] = [0, 1]  # both classes in training
    return X[:n_train].copy(), y[:n_train].copy(), X[n_train:].copy()


def _case(g, n_train, n_test, d, cat_cols, C=1.0, note="", **kw):
    X_train, y_train, X_test = _table(g, n_train, n_test, d, cat_cols, **kw)
    return Call((X_train, y_train, X_test, list(cat_cols), C), note=note)


def examples(level):
    X_train = np.array([[1200.0, 3.0], [1500.0, 3.0], [900.0, 7.0], [2100.0, 7.0],
                        [1750.0, 3.0], [1100.0, 9.0], [1950.0, 9.0], [1300.0, 7.0]])
    y_train = np.array([0, 1, 0, 1, 1, 0, 1, 0])
    X_test = np.array([[1600.0, 3.0], [1600.0, 9.0], [1600.0, 5.0]])  # store 5 is new
    return [Call((X_train, y_train, X_test, [1], 1.0), name="a price and a store id; store 5 is new")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return [
        _case(g, 300, 100, 3, [1], note="one category column, new values in the test rows"),
        _case(g, 300, 100, 4, [0, 3], note="category columns first and last"),
        _case(g, 400, 150, 5, [1, 2, 4], unseen_rate=0.5, note="half the test rows hold a new value in some column"),
        _case(g, 200, 80, 3, [], unseen=0, note="no category column: only scaling"),
        _case(g, 250, 80, 2, [0, 1], note="only category columns"),
        _case(g, 500, 100, 3, [2], levels=40, note="a category with 40 values, some rare"),
        _case(g, 300, 100, 4, [1], C=0.05, note="a strong penalty"),
        _case(g, 300, 120, 4, [0, 2], unseen_rate=1.0, note="every test row holds new values"),
        _case(g, 200, 60, 3, [1], unseen=0, C=3.0, note="no new values, a weak penalty"),
        _case(g, 3000, 1000, 10, [1, 4, 7], levels=30, note="3000 rows, 10 columns, three categories of 30 values"),
    ]
