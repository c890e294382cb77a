import numpy as np

from rounds.testkit import Call, custom, floats

_floats = floats(atol=1e-9, rtol=1e-9, dtype="float64")


def _check_kmeans(actual, expected, args):
    if not isinstance(actual, tuple | list) or len(actual) != 2:
        return "return the tuple (centroids, labels)"
    c, labels = actual
    o = _floats(c, expected[0], args)
    if not o.ok:
        return f"centroids: {o.message}"
    labels = np.asarray(labels)
    if labels.shape != expected[1].shape:
        return f"labels have shape {labels.shape}, expected {expected[1].shape}"
    if labels.dtype.kind not in "iu":
        return f"labels have dtype {labels.dtype}, expected integers"
    bad = np.flatnonzero(labels != expected[1])
    if len(bad):
        return f"{len(bad)} labels differ, first at point {int(bad[0])} (got {int(labels[bad[0]])})"
    return None


def _check_seeds(actual, expected, args):
    try:
        got = [int(i) for i in actual]
    except (TypeError, ValueError):
        return "return a list of row indices"
    if len(got) != len(expected):
        return f"returned {len(got)} indices, expected {len(expected)}"
    for j, (a, e) in enumerate(zip(got, expected)):
        if a != e:
            return f"centroid {j} (drawn with u[{j}] = {args[2][j]:.6g}) is row {a}, which is not the row the rule picks"
    return None


checker = custom(_check_kmeans)
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _blobs(g, n, k, d, spread=0.3):
    centers = g.normal(size=(k, d)) * 4
    lab = g.integers(0, k, size=n)
    return centers[lab] + g.normal(size=(n, d)) * spread


def examples(level):
    x = np.array([[0.0], [1.0], [10.0], [11.0]])
    if level == 1:
        return [Call((x, np.array([[0.0], [1.0]])), name="two clusters"),
                Call((x, np.array([[5.0], [5.0]])), name="tied centroids: the second stays empty")]
    x = np.array([[0.0], [1.0], [10.0]])
    return [Call((x, 2, np.array([0.0, 0.5])), entry="kmeans_plus_plus", check=custom(_check_seeds), name="far point"),
            Call((x, 2, np.array([0.0, 0.001])), entry="kmeans_plus_plus", check=custom(_check_seeds), name="near point")]


def _level1(g):
    cases = []
    x = _blobs(g, 60, 3, 2)
    cases.append(Call((x, x[:3].copy()), note="three blobs, first three points as seeds"))
    cases.append(Call((x, np.vstack([x[:2], [[100.0, 100.0]]])), note="a far seed whose cluster is empty: it stays put"))
    cases.append(Call((x, np.repeat(x[:1], 3, axis=0)), note="identical seeds: ties to the lowest index"))
    cases.append(Call((x, x[5:9].copy()), {"max_iter": 1}, note="max_iter = 1: one update only"))
    cases.append(Call((x, x[10:14].copy()), {"max_iter": 2}, note="max_iter = 2"))
    y = _blobs(g, 40, 2, 3)
    cases.append(Call((y, y[:1].copy()), note="k = 1: the global mean"))
    cases.append(Call((y[:1], y[:2].copy()), note="one point, two centroids"))
    z = np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 5.0], [1.0, -5.0]])
    cases.append(Call((z, np.array([[1.0, 0.0], [1.0, 0.0], [9.0, 9.0]])), note="duplicate and far seeds together"))
    w = np.array([[0.0], [2.0], [4.0]])
    cases.append(Call((w, np.array([[1.0], [3.0]])), note="a point exactly between two centroids goes to the lower index"))
    for _ in range(4):
        k, d = int(g.integers(2, 7)), int(g.integers(1, 5))
        x = _blobs(g, int(g.integers(10, 80)), k, d, spread=float(g.choice([0.3, 2.0])))
        cases.append(Call((x, x[g.choice(len(x), size=k, replace=False)].copy()), note="random blobs"))
    x = _blobs(g, 3000, 8, 16, spread=1.5)
    cases.append(Call((x, x[:8].copy()), note="3000 points, k = 8, d = 16"))
    return cases


def _level2(g):
    cases = []
    chk = custom(_check_seeds)
    for n, k, d, note in [(30, 3, 2, "three seeds"), (50, 1, 3, "k = 1: only u[0] matters"),
                          (40, 6, 2, "six seeds"), (200, 10, 5, "ten seeds in 5-D")]:
        x = _blobs(g, n, max(k, 2), d)
        cases.append(Call((x, k, g.random(k)), entry="kmeans_plus_plus", check=chk, note=note))
    x = np.vstack([np.zeros((5, 2)), np.ones((5, 2)), [[9.0, 9.0]]])
    cases.append(Call((x, 3, np.array([0.0, 0.0, 0.99])), entry="kmeans_plus_plus", check=chk,
                      note="duplicates: points at distance 0 are never drawn"))
    x = np.array([[0.0], [1.0], [2.0], [100.0]])
    cases.append(Call((x, 3, np.array([0.0, 0.9999, 0.5])), entry="kmeans_plus_plus", check=chk,
                      note="D^2 to the nearest chosen centroid, not the last one"))
    cases.append(Call((x, 2, np.array([0.99, 0.2])), entry="kmeans_plus_plus", check=chk,
                      note="u[0] near 1 picks the last row"))
    x = _blobs(g, 5000, 16, 8)
    cases.append(Call((x, 16, g.random(16)), entry="kmeans_plus_plus", check=chk, note="5000 points, 16 seeds"))
    return cases


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)
