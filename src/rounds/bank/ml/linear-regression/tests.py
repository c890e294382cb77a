import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-8, rtol=1e-6)
inputs_unchanged = True  # the contract: the call leaves its arguments as they were
gd_checker = floats(atol=1e-9, rtol=1e-7)


def _oracle(x, y, l2):
    """Ridge with a free intercept, solved as an augmented least-squares problem by the SVD."""
    n, d = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    t = y
    if l2 > 0:
        a = np.vstack([a, np.hstack([np.sqrt(l2) * np.eye(d), np.zeros((d, 1))])])
        t = np.concatenate([y, np.zeros(d)])
    sol = np.linalg.lstsq(a, t, rcond=None)[0]
    return sol[:d], float(sol[d])


def _fit(x, y, l2, note):
    kw = {"l2": l2} if l2 else {}
    return Call((x, y), kw, expected=_oracle(x, y, l2), note=note)


def examples(level):
    x, y = np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0])
    if level == 1:
        return [Call((x, y), name="a line through three points"), Call((x, y), {"l2": 2.0}, name="ridge")]
    return [Call((x, y, 0.1, 3), entry="gd_linear_regression", check=gd_checker, name="three steps")]


def _level1(g):
    cases = []
    x = g.normal(size=(50, 3)) + 5.0
    w = g.normal(size=3)
    cases.append(_fit(x, x @ w + 2.0, 0.0, "exact linear data far from the origin: the intercept matters"))
    cases.append(_fit(x, x @ w - 3.0 + g.normal(size=50) * 0.1, 0.0, "noisy data"))
    cases.append(_fit(x, x @ w + 7.0, 10.0, "ridge: the intercept is not penalised"))
    cases.append(_fit(x, x @ w + g.normal(size=50), 1000.0, "strong ridge: w shrinks, b tends to the mean"))
    x2 = g.normal(size=(5, 12))
    cases.append(_fit(x2, g.normal(size=5), 0.5, "more features than examples, with ridge"))
    x3 = g.normal(size=(30, 2))
    x3 = np.hstack([x3, x3[:, :1]])
    cases.append(_fit(x3, g.normal(size=30), 0.1, "duplicated column, with ridge"))
    cases.append(_fit(np.array([[1.0], [2.0]]), np.array([3.0, 3.0]), 0.0, "two points, flat"))
    cases.append(_fit(np.array([[4.0]]), np.array([2.5]), 1.0, "one example with ridge: w = 0, b = y"))
    x4 = np.column_stack([g.normal(size=40) * 1000, g.normal(size=40) * 0.001])
    cases.append(_fit(x4, x4 @ np.array([0.002, 300.0]) + 1, 0.0, "features on very different scales"))
    for _ in range(4):
        n, d = int(g.integers(5, 60)), int(g.integers(1, 6))
        n = max(n, d + 2)
        x = g.normal(size=(n, d)) * float(g.choice([1.0, 10.0])) + float(g.normal() * 3)
        cases.append(_fit(x, x @ g.normal(size=d) + g.normal(size=n), float(g.choice([0.0, 0.3, 30.0])), "random"))
    x = g.normal(size=(4000, 64))
    cases.append(_fit(x, x @ g.normal(size=64) + g.normal(size=4000), 1.0, "4000 x 64"))
    return cases


def _level2(g):
    cases = []
    x = g.normal(size=(30, 3))
    y = x @ g.normal(size=3) + 1.5 + g.normal(size=30) * 0.1
    for lr, steps, note in [(0.1, 1, "one step from zero"), (0.1, 0, "zero steps"), (0.05, 50, "50 steps"),
                            (0.2, 400, "400 steps: close to the least-squares fit")]:
        cases.append(Call((x, y, lr, steps), entry="gd_linear_regression", check=gd_checker, note=note))
    xs = np.column_stack([g.normal(size=20) * 3, g.normal(size=20) * 0.3]) + 2.0
    ys = xs @ np.array([1.0, -2.0]) + 4.0
    cases.append(Call((xs, ys, 0.02, 37), entry="gd_linear_regression", check=gd_checker,
                      note="uneven feature scales, not yet converged: the exact iterate"))
    cases.append(Call((np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.5]), 0.05, 5),
                      entry="gd_linear_regression", check=gd_checker, note="three points, five steps"))
    x = g.normal(size=(2000, 20))
    cases.append(Call((x, x @ g.normal(size=20) + 0.5, 0.1, 200), entry="gd_linear_regression", check=gd_checker,
                      note="2000 x 20, 200 steps"))
    return cases


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)
