import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-7, rtol=1e-6, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _data(g, n, d, spectrum, shift=0.0):
    q, _ = np.linalg.qr(g.normal(size=(d, d)))
    z = g.normal(size=(n, d)) * np.sqrt(spectrum)
    z -= z.mean(axis=0)
    return z @ q.T + shift


def examples(level):
    x = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 0.5], [0.0, -0.5]])
    return [Call((x, 1), name="two axes")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        Call((_data(g, 50, 3, np.array([9.0, 4.0, 1.0])), 2), note="3-D data, two components"),
        Call((_data(g, 50, 3, np.array([9.0, 4.0, 1.0]), shift=100.0), 2), note="data far from the origin: centre it"),
        Call((_data(g, 30, 4, np.array([5.0, 3.0, 1.5, 0.5])), 4), note="k = d: every component"),
        Call((_data(g, 40, 5, np.array([10.0, 6.0, 3.0, 1.0, 0.2]) * 1e-4), 3), note="tiny variances"),
        Call((_data(g, 6, 3, np.array([8.0, 2.0, 0.5])), 1), note="six samples: n - 1 matters"),
        Call((np.array([[2.0], [4.0], [9.0]]), 1), note="one feature"),
        Call((np.array([[0.0, 0.0], [1.0, -1.0], [2.0, -2.0], [3.0, -3.1]]), 1), note="nearly collinear points"),
    ]
    x = _data(g, 60, 3, np.array([6.0, 2.0, 0.7]))
    cases.append(Call((-x, 3), note="negated data: the same components, signs fixed by the convention"))
    for _ in range(3):
        d = int(g.integers(2, 8))
        spec = np.sort(g.uniform(0.1, 1.0, size=d))[::-1] * np.geomspace(10, 1, d)
        cases.append(Call((_data(g, int(g.integers(d + 5, 80)), d, spec, shift=float(g.normal() * 5)),
                           int(g.integers(1, d + 1))), note="random spectrum"))
    spec = np.geomspace(50, 0.5, 64)
    cases.append(Call((_data(g, 3000, 64, spec), 10), note="3000 x 64, ten components"))
    return cases
