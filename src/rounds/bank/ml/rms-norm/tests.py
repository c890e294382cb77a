import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-7, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def examples(level):
    return [
        Call((np.array([[3.0, 4.0]]), np.ones(2)), name="3-4-5"),
        Call((np.array([[1.0, 1.0, 1.0]]), np.array([1.0, 2.0, 3.0])), name="weights per feature"),
        Call((np.zeros((1, 4)), np.ones(4)), name="all zeros"),
    ]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        Call((np.zeros((2, 3)), g.normal(size=3)), note="all-zero rows: eps keeps it finite, output 0"),
        Call((g.normal(size=(3, 6)) * 1e-3, g.normal(size=6)), note="mean square 1e-6, comparable to eps"),
        Call((g.normal(size=(2, 4)) * 0.02, g.normal(size=4)), {"eps": 1e-3}, note="eps = 1e-3 dominates"),
        Call((g.normal(size=(4, 5)) + 3.0, g.normal(size=5)), note="a non-zero mean must not be subtracted"),
        Call((g.normal(size=(1, 9)), g.normal(size=9)), note="batch of one"),
        Call((g.normal(size=(4, 4)), g.normal(size=4)), note="square matrix: normalise rows"),
        Call((g.normal(size=(2, 3, 5)) * 1e5, g.normal(size=5)), note="entries near 1e5, 3-D"),
        Call((g.normal(size=(7,)), g.normal(size=7)), note="a single vector"),
        Call((g.normal(size=(3, 1)), g.normal(size=1)), note="D = 1: output is sign(x) * weight"),
    ]
    for _ in range(5):
        shape = tuple(int(s) for s in g.integers(1, 7, size=g.integers(1, 4)))
        cases.append(Call((g.normal(size=shape) * float(g.choice([0.01, 1.0, 1e4])), g.normal(size=shape[-1])),
                          note="random shape and scale"))
    cases.append(Call((g.normal(size=(48, 37, 128)), g.normal(size=128)), note="48 x 37 tokens of width 128"))
    return cases
