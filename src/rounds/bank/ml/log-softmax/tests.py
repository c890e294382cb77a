import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-9, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def examples(level):
    return [
        Call((np.array([1.0, 2.0, 3.0]),), name="a vector"),
        Call((np.array([0.0, 1e4]),), name="one dominant logit"),
        Call((np.array([[1.0, 2.0], [3.0, 4.0]]),), {"axis": 0}, name="along axis 0"),
    ]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        Call((np.array([3.5]),), note="one element: log 1 = 0"),
        Call((np.zeros((2, 5)),), note="all equal: -log(n) everywhere"),
        Call((np.array([[0.0, 1e4, -1e4], [-1e4, -1e4, -1e4]]),), note="spread of 2e4: tiny probabilities keep finite logs"),
        Call((np.array([[1000.0, 0.0]]),), note="an entry whose probability is below the smallest float",
             hint="compute z - logsumexp(z) directly; log(softmax(z)) takes the log of an underflowed 0"),
        Call((np.array([[-1e4, -1e4 + 2.0], [5.0, 5.0 + 1e-9]]),), note="very negative rows: no -inf, no nan"),
        Call((g.normal(size=(1, 11)),), note="batch of one row"),
        Call((g.normal(size=(6, 3)) * 40,), {"axis": 0}, note="axis=0 on a non-square matrix"),
        Call((g.normal(size=(5, 5)) * 4,), {"axis": 0}, note="axis=0 on a square matrix"),
        Call((g.normal(size=(2, 4, 3)) * 300,), {"axis": 1}, note="a middle axis"),
    ]
    for _ in range(6):
        shape = tuple(int(s) for s in g.integers(1, 8, size=g.integers(1, 4)))
        axis = int(g.integers(-len(shape), len(shape)))
        scale = float(g.choice([1.0, 50.0, 2000.0]))
        cases.append(Call((g.normal(size=shape) * scale,), {"axis": axis}, note="random shape, axis and scale"))
    wide = g.normal(size=(5, 6)) * 1500 + np.linspace(-8000, 8000, 5)[:, None]
    cases.append(Call((wide,), note="rows on their own scales spread over [-8000, 8000]"))
    cases.append(Call((g.normal(size=(300, 257)) * 20,), note="a 300 x 257 batch"))
    return cases
