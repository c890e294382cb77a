import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-12, rtol=1e-9, dtype="float64")
inputs_unchanged = True  # the contract: `x` is not modified


def examples(level):
    return [
        Call((np.array([1.0, 2.0, 3.0]),), name="a vector"),
        Call((np.array([[1.0, 1.0], [0.0, 1e4]]),), name="equal logits and one huge logit"),
        Call((np.array([[1.0, 2.0], [3.0, 4.0]]),), {"axis": 0}, name="along axis 0"),
    ]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        Call((np.array([0.5]),), note="one element: the answer is 1"),
        Call((np.full((3, 4), 7.25),), note="all logits equal: uniform rows"),
        Call((np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, -1e4]]),), note="logits of magnitude 1e4: exp overflows",
             hint="subtract each slice's max before exp; softmax does not change under a constant shift"),
        Call((np.array([[1e4, 1e4 - 1.0], [-5.0, 3.0]]),), note="rows whose maxima differ by 1e4",
             hint="take the max per slice along axis (keepdims=True), not one max over the whole array"),
        Call((np.array([[-1e4, -9990.0, -9995.0]]),), note="all very negative: no 0/0"),
        Call((g.normal(size=(1, 9)),), note="batch of one row"),
        Call((g.normal(size=(5, 3)) * 50,), {"axis": 0}, note="axis=0 on a non-square matrix"),
        Call((g.normal(size=(4, 4)) * 3,), {"axis": 0}, note="axis=0 on a square matrix"),
        Call((g.normal(size=(2, 5, 3)) * 20,), {"axis": 1}, note="a middle axis of a 3-D array"),
        Call((g.normal(size=(3, 2, 7)),), {"axis": -2}, note="a negative axis other than -1"),
    ]
    for _ in range(6):
        shape = tuple(int(s) for s in g.integers(1, 8, size=g.integers(1, 4)))
        axis = int(g.integers(-len(shape), len(shape)))
        scale = float(g.choice([1.0, 30.0, 3000.0]))
        cases.append(Call((g.normal(size=shape) * scale,), {"axis": axis}, note="random shape, axis and scale"))
    # every row's range spans thousands: a global shift underflows whole rows
    wide = g.normal(size=(6, 5)) + np.linspace(-9000, 9000, 6)[:, None]
    cases.append(Call((wide,), note="each row on its own scale, spread over [-9000, 9000]"))
    cases.append(Call((g.normal(size=(400, 301)) * 100,), note="a 400 x 301 batch"))
    return cases
