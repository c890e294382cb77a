import numpy as np

from rounds.testkit import Call, exact

checker = exact()
inputs_unchanged = True  # the contract: the call leaves its arguments as they were
PEAK_LIMIT = 24 << 20


def probe_check(case, probes):
    peak = probes.get("peak_bytes")
    if peak is not None and peak > PEAK_LIMIT:
        return (f"peak allocation {peak / 2**20:.0f} MB exceeds {PEAK_LIMIT >> 20} MB: process the queries in "
                "blocks instead of building the full query x train distance matrix")
    return None


def _ints(g, n, d, lo=-3, hi=4):
    return g.integers(lo, hi, size=(n, d)).astype(np.float64)


def examples(level):
    x, y = np.array([[0.0], [1.0], [2.0], [10.0]]), np.array([1, 0, 0, 1])
    return [Call((x, y, np.array([[0.4], [9.0]]), 1), name="k = 1"),
            Call((x, y, np.array([[0.4]]), 3), name="k = 3"),
            Call((x, y, np.array([[0.5]]), 2), name="a vote tie")]


def _level1(g):
    cases = []
    x, y = np.array([[0.0], [2.0], [-2.0], [4.0]]), np.array([3, 1, 2, 1])
    cases.append(Call((x, y, np.array([[0.0]]), 2), note="two neighbours at the same distance: the lower index wins"))
    cases.append(Call((x, y, np.array([[1.0]]), 2), note="equidistant neighbours with different labels"))
    cases.append(Call((x, y, np.array([[1.0], [3.0], [-5.0]]), 4), note="k = n: every point votes"))
    cases.append(Call((x, y, x.copy(), 1), note="queries equal to training points"))
    x, y = _ints(g, 30, 2), g.integers(0, 3, size=30)
    cases.append(Call((x, y, _ints(g, 25, 2), 5), note="integer grid: many distance ties"))
    cases.append(Call((x, y, _ints(g, 25, 2), 4), note="even k on a grid: vote ties"))
    x = np.repeat(_ints(g, 4, 3), 3, axis=0)
    cases.append(Call((x, g.integers(0, 4, size=12), _ints(g, 10, 3), 3), note="duplicated training points"))
    x = g.normal(size=(40, 5))
    cases.append(Call((x, g.integers(0, 6, size=40), g.normal(size=(15, 5)), 7), note="random points, six classes"))
    cases.append(Call((x, np.full(40, 4), g.normal(size=(3, 5)), 1), note="a single class"))
    cases.append(Call((g.normal(size=(1, 2)), np.array([7]), g.normal(size=(2, 2)), 1), note="one training point"))
    for _ in range(3):
        n, d = int(g.integers(5, 60)), int(g.integers(1, 6))
        cases.append(Call((_ints(g, n, d), g.integers(0, 5, size=n), _ints(g, 20, d), int(g.integers(1, n + 1))),
                          note="random integer points"))
    return cases


def _level2(g):
    cases = []
    centers = g.normal(size=(10, 16)) * 3
    lab = g.integers(0, 10, size=12000)
    x = centers[lab] + g.normal(size=(12000, 16))
    q = centers[g.integers(0, 10, size=400)] + g.normal(size=(400, 16)) * 1.5
    cases.append(Call((x, lab, q, 15), probes=("memory",), note="memory: 400 queries x 12000 points, k = 15"))
    cases.append(Call((x[:3000], lab[:3000], q[:300], 50), probes=("memory",), note="3000 points, 300 queries, k = 50"))
    grid = _ints(g, 1500, 3, lo=-6, hi=7)
    cases.append(Call((grid, g.integers(0, 5, size=1500), _ints(g, 100, 3, lo=-6, hi=7), 9), probes=("memory",),
                      note="1500 integer points: distance ties in blocks"))
    cases.append(Call((x[:1500], lab[:1500], q[:100], 1), probes=("memory",), note="k = 1 over 1500 points"))
    return cases


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)
