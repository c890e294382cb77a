import numpy as np

from rounds.testkit import Call, any_valid


def _gini(y):
    if len(y) == 0:
        return 0.0
    p = np.bincount(y) / len(y)
    return 1.0 - float((p * p).sum())


def _sse(y):
    return float(((y - y.mean()) ** 2).sum()) if len(y) else 0.0


def _validator(kind):
    def check(args, actual, reference):
        x, y = args
        if reference is None:
            return None if actual is None else "no split exists (every feature is constant), so the answer is None"
        if actual is None:
            return "returned None, but a split exists"
        if not isinstance(actual, tuple | list) or len(actual) != 3:
            return "return a tuple (feature, threshold, gain)"
        f, t, gain = actual
        if not isinstance(f, int | np.integer) or not 0 <= int(f) < x.shape[1]:
            return f"feature {f!r} is not a column index of x"
        left = x[:, int(f)] <= float(t)
        if left.all() or not left.any():
            return f"threshold {float(t):.6g} on feature {int(f)} leaves one side empty"
        n = len(y)
        if kind == "gini":
            true_gain = _gini(y) - (left.sum() * _gini(y[left]) + (~left).sum() * _gini(y[~left])) / n
            tol = 1e-9
        else:
            true_gain = _sse(y) - _sse(y[left]) - _sse(y[~left])
            tol = 1e-7 * max(1.0, _sse(y))
        if true_gain < reference[2] - tol:
            return (f"the split x[:, {int(f)}] <= {float(t):.6g} gains {true_gain:.6g}; a better split gains more "
                    f"(shown in the expected answer when feedback is open)")
        if abs(float(gain) - true_gain) > tol:
            return f"the reported gain {float(gain):.6g} is not the gain of that split ({true_gain:.6g})"
        return None

    return check


checker = any_valid(_validator("gini"))
reg_checker = any_valid(_validator("sse"))


def examples(level):
    x = np.array([[1.0], [2.0], [3.0], [4.0]])
    if level == 1:
        return [Call((x, np.array([0, 0, 1, 1])), name="a clean cut"),
                Call((np.ones((3, 2)), np.array([0, 1, 0])), name="constant features: None")]
    return [Call((x, np.array([1.0, 1.2, 5.0, 5.4])), entry="best_split_regression", check=reg_checker, name="two levels")]


def _level1(g):
    cases = [
        Call((np.array([[3.0], [1.0], [2.0], [1.0]]), np.array([1, 0, 1, 0])), note="unsorted with a repeated value"),
        Call((np.array([[1.0, 5.0], [1.0, 6.0], [1.0, 7.0]]), np.array([0, 1, 1])), note="feature 0 is constant"),
        Call((np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0], [3.0, 1.0]]), np.array([0, 0, 1, 1])), note="the second feature is noise"),
        Call((np.array([[1.0], [2.0], [3.0]]), np.array([2, 2, 2])), note="one class: every split gains 0, any valid split"),
        Call((np.array([[5.0], [5.0]]), np.array([0, 1])), note="two equal values: no split"),
        Call((np.array([[0.0], [1.0]]), np.array([0, 1])), note="two points"),
        Call((np.array([[1.0, 1.0], [1.0, 2.0], [2.0, 1.0], [2.0, 2.0], [3.0, 3.0]]), np.array([0, 0, 1, 1, 2])),
             note="three classes"),
    ]
    x = g.integers(0, 4, size=(40, 3)).astype(np.float64)
    cases.append(Call((x, (x[:, 1] > 1).astype(np.int64)), note="many ties in the feature values"))
    for _ in range(5):
        n, d, c = int(g.integers(5, 80)), int(g.integers(1, 6)), int(g.integers(2, 5))
        x = g.normal(size=(n, d)).round(1)
        y = ((x[:, 0] + g.normal(size=n) * 0.5) > 0).astype(np.int64) + (g.random(n) < 0.2) * (c - 2)
        cases.append(Call((x, np.minimum(y, c - 1)), note="random"))
    x = g.normal(size=(20000, 8))
    y = ((x[:, 3] > 0.3) ^ (g.random(20000) < 0.1)).astype(np.int64)
    cases.append(Call((x, y), note="20000 x 8: needs O(n log n) per feature", cpu_ms=600))
    return cases


def _level2(g):
    cases = [
        Call((np.array([[3.0], [1.0], [2.0], [1.0]]), np.array([3.0, 0.0, 2.5, 0.2])), note="unsorted with a repeated value"),
        Call((np.array([[1.0, 5.0], [1.0, 6.0], [1.0, 7.0]]), np.array([0.0, 1.0, 1.0])), note="feature 0 is constant"),
        Call((np.ones((4, 3)), np.arange(4.0)), note="every feature constant: None"),
        Call((np.array([[0.0], [1.0], [2.0], [3.0], [100.0]]), np.array([1.0, 1.0, 1.0, 1.0, 50.0])), note="an outlier target"),
    ]
    for _ in range(5):
        n, d = int(g.integers(5, 80)), int(g.integers(1, 6))
        x = g.normal(size=(n, d)).round(1)
        cases.append(Call((x, np.sin(2 * x[:, 0]) + g.normal(size=n) * 0.3), note="random"))
    x = g.normal(size=(20000, 8))
    cases.append(Call((x, np.where(x[:, 5] > -0.2, 3.0, 1.0) + g.normal(size=20000)), note="20000 x 8: prefix sums, not O(n^2)", cpu_ms=600))
    return [Call(c.args, entry="best_split_regression", check=reg_checker, note=c.note, cpu_ms=c.cpu_ms) for c in cases]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)


expected_complexity = "O(n log n)"


def ladder(rng):
    g = np.random.default_rng(rng.randrange(2**32))
    rungs = []
    for n in (10_000, 20_000, 40_000, 80_000, 160_000):
        x = g.normal(size=(n, 2))
        rungs.append((n, Call((x, (x[:, 1] + g.normal(size=n) > 0).astype(np.int64)), cpu_ms=1500)))
    return rungs
