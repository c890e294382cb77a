import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-7, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def examples(level):
    if level == 1:
        return [Call((np.array([[1.0, 0.0]]), np.array([1])), name="one pair at position 1"),
                Call((np.array([[1.0, 2.0, 3.0, 4.0]]), np.array([0])), name="position 0 is the identity")]
    return [Call((np.array([[1.0, 0.0, 0.0, 0.0]]), np.array([1])), entry="apply_rope_half", name="pair (0, 2)")]


def _inputs(g):
    out = [
        (g.normal(size=(3, 2)), np.array([0, 1, 2]), {}, "d = 2: one pair, the plain 2-D rotation"),
        (g.normal(size=(4, 8)), np.arange(4), {}, "d = 8, positions 0..3"),
        (g.normal(size=(2, 16)), np.array([37, 38]), {}, "cached decoding: positions start at 37"),
        (g.normal(size=(3, 6)), np.array([5, 0, 5]), {}, "positions not sorted, repeated"),
        (g.normal(size=(2, 3, 5, 8)), np.arange(10, 15), {}, "(batch, heads, L, d), positions shared"),
        (g.normal(size=(4, 12)), np.arange(4) * 9000, {}, "positions in the tens of thousands"),
        (g.normal(size=(3, 8)), np.arange(3) + 2, {"base": 500000.0}, "base 500000 (LLaMA-3)"),
        (g.normal(size=(1, 1, 4)), np.array([100000]), {}, "a single token far out"),
    ]
    for _ in range(4):
        d = 2 * int(g.integers(1, 9))
        n = int(g.integers(1, 8))
        lead = tuple(int(s) for s in g.integers(1, 4, size=g.integers(0, 3)))
        pos = np.sort(g.integers(0, 3000, size=n))
        out.append((g.normal(size=lead + (n, d)), pos, {}, "random shape and positions"))
    out.append((g.normal(size=(4, 8, 256, 64)), np.arange(256) + 1000, {}, "4 x 8 heads, 256 tokens, d = 64"))
    return out


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    entry = "apply_rope" if level == 1 else "apply_rope_half"
    return [Call((x, p), kw, entry=entry, note=note) for x, p, kw, note in _inputs(g)]
