import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-12, rtol=0.0)


def _pairwise(y, s):
    """The definition itself, for small inputs: an oracle independent of the reference."""
    p, n = s[y == 1], s[y == 0]
    d = p[:, None] - n[None, :]
    return float(((d > 0).sum() + 0.5 * (d == 0).sum()) / d.size)


def _c(y, s, note):
    y, s = np.asarray(y, dtype=np.int64), np.asarray(s, dtype=np.float64)
    return Call((y, s), expected=_pairwise(y, s), note=note)


def examples(level):
    return [Call((np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])), name="one swapped pair"),
            Call((np.array([0, 1]), np.array([0.5, 0.5])), name="a tie"),
            Call((np.array([1, 1]), np.array([0.2, 0.9])), name="one class")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        _c([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], "perfect ranking: 1"),
        _c([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9], "inverted ranking: 0"),
        _c([0, 1, 0, 1, 0, 1], [0.3] * 6, "every score tied: 0.5"),
        _c([0, 1, 1, 0, 1], [0.5, 0.5, 0.9, 0.1, 0.5], "a positive tied with a negative"),
        _c([1, 0, 0, 0, 0, 0], [0.0, 0.0, 0.0, -1.0, 1.0, 0.0], "one positive tied with three negatives"),
        _c([0, 1, 0, 1], [-5.0, 1e9, -1e9, 3.0], "unbounded scores: only the order matters"),
        Call((np.array([0, 0, 0]), np.array([0.1, 0.2, 0.3])), note="only negatives: ValueError"),
        Call((np.array([1]), np.array([0.4])), note="a single example: ValueError"),
    ]
    for _ in range(5):
        n = int(g.integers(2, 200))
        y = (g.random(n) < g.uniform(0.1, 0.9)).astype(np.int64)
        y[0], y[1] = 0, 1
        s = np.round(g.normal(size=n) + y * g.uniform(0, 2), int(g.integers(0, 3)))  # rounding makes ties
        cases.append(_c(y, s, "random with rounded scores"))
    y = (g.random(3000) < 0.1).astype(np.int64)
    cases.append(_c(y, np.round(g.random(3000) + 0.3 * y, 2), "3000 examples, 10% positives, two-decimal scores"))
    n = 500_000
    y = (g.random(n) < 0.3).astype(np.int64)
    s = np.round(g.normal(size=n) + 0.8 * y, 3)
    cases.append(Call((y, s), note="500000 examples: sort once, no pairwise comparison", cpu_ms=1200))
    return cases


expected_complexity = "O(n log n)"


def ladder(rng):
    g = np.random.default_rng(rng.randrange(2**32))
    rungs = []
    for n in (20_000, 40_000, 80_000, 160_000, 320_000):
        y = (g.random(n) < 0.3).astype(np.int64)
        rungs.append((n, Call((y, np.round(g.normal(size=n) + 0.8 * y, 3)), cpu_ms=1000)))
    return rungs
