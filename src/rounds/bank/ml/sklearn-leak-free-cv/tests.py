"""Shuffled k-fold R^2 of a standardise-then-ridge model.

The data make the scaling matter and the leak visible: columns on scales from 0.01 to 1000 with
heavy tails (a Student-t with 3 degrees of freedom), so the standard deviation of a fold's training
rows is far from that of the whole table, and ridge penalties comparable to n. A leaky scaler moves
the scores by 1e-4 to 1e-1, far beyond the tolerance of 1e-9; an exact solution matches to rounding.
"""

import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-7, dtype="float64")
inputs_unchanged = True  # the contract: X and y are not modified


def _data(g, n, d, noise=1.0, tails=3.0):
    scales = 10.0 ** g.uniform(-2, 3, size=d)
    X = g.standard_t(tails, size=(n, d)) * scales + g.normal(size=d) * scales
    w = g.normal(size=d) / scales
    y = X @ w + noise * g.normal(size=n) + g.normal() * 5
    return X, y


def examples(level):
    X = np.array([[1.0, 200.0], [2.0, 180.0], [3.0, 260.0], [4.0, 210.0],
                  [5.0, 300.0], [6.0, 250.0], [7.0, 330.0], [8.0, 310.0]])
    y = np.array([1.1, 1.9, 3.2, 3.9, 5.2, 5.8, 7.1, 8.2])
    return [Call((X, y, 1.0, 4, 0), name="eight rows, four folds"),
            Call((X.copy(), y.copy(), 10.0, 2, 7), name="two folds, a stronger penalty")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    X, y = _data(g, 60, 4)
    cases.append(Call((X, y, 5.0, 5, 0), note="heavy-tailed columns on very different scales, five folds"))
    cases.append(Call((X.copy(), y.copy(), 5.0, 5, 1), note="the same data, another shuffle seed"))
    X, y = _data(g, 47, 3)
    cases.append(Call((X, y, 20.0, 10, 3), note="47 rows in ten folds: folds of 5 and 4 rows"))
    X, y = _data(g, 30, 2, noise=0.1)
    cases.append(Call((X, y, 0.5, 2, 11), note="two folds: each scaler sees only half the rows"))
    X, y = _data(g, 80, 5)
    X[:, 2] = 7.5  # constant everywhere: only centred
    cases.append(Call((X, y, 3.0, 4, 5), note="a constant column"))
    X, y = _data(g, 50, 3)
    X[:3, 0] *= 50.0  # three huge values: whichever folds hold them are scaled very differently
    cases.append(Call((X, y, 10.0, 5, 8), note="three outliers in one column"))
    X, y = _data(g, 40, 1)
    cases.append(Call((X, y, 40.0, 4, 2), note="one feature, a penalty comparable to the fold size"))
    for _ in range(3):
        n, d = int(g.integers(20, 200)), int(g.integers(1, 12))
        X, y = _data(g, n, d, noise=float(g.choice([0.1, 1.0, 5.0])))
        cases.append(Call((X, y, float(10.0 ** g.uniform(-1, 2)), int(g.integers(2, 11)), int(g.integers(0, 1000))),
                          note="random data"))
    X, y = _data(g, 2000, 30)
    cases.append(Call((X, y, 100.0, 10, 42), note="2000 rows, 30 columns, ten folds"))
    return cases
