import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-12, rtol=1e-12, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were
grad_checker = floats(atol=1e-12, rtol=1e-10, dtype="float64")


def _torch(x, k, s, p, dy=None):
    """The oracle: PyTorch's max pooling and its autograd."""
    import torch

    t = torch.tensor(x, dtype=torch.float64, requires_grad=dy is not None)
    y = torch.nn.functional.max_pool2d(t, k, s, p)
    if dy is None:
        return y.detach().numpy()
    y.backward(torch.tensor(dy))
    return t.grad.numpy()


def _spec(g):
    out = [
        ((1, 1, 4, 4), 2, None, 0, "default stride = kernel size", "normal"),
        ((2, 3, 5, 5), 2, None, 0, "odd size: the last row and column are dropped", "normal"),
        ((1, 2, 5, 6), 3, 1, 1, "overlapping 3x3 windows, padding 1", "normal"),
        ((1, 1, 4, 5), 3, 2, 1, "all inputs negative: zero padding would win", "negative"),
        ((2, 2, 6, 6), 2, 2, 0, "many ties: integer inputs in {0, 1}", "ties"),
        ((1, 2, 6, 5), 3, 1, 0, "ties inside overlapping windows", "ties"),
        ((1, 1, 3, 3), 3, None, 1, "padding 1 with a 3x3 window", "negative"),
        ((2, 1, 7, 7), 1, 1, 0, "1x1 window: the identity", "normal"),
        ((1, 3, 8, 8), 4, 3, 2, "kernel 4, stride 3, padding 2", "normal"),
    ]
    for _ in range(3):
        k = int(g.integers(1, 4))
        s = None if g.random() < 0.3 else int(g.integers(1, 4))
        p = int(g.integers(0, k // 2 + 1))
        out.append(((int(g.integers(1, 3)), int(g.integers(1, 4)), int(g.integers(k, 10)), int(g.integers(k, 10))),
                    k, s, p, "random sizes", str(g.choice(["normal", "ties"]))))
    out.append(((8, 32, 32, 32), 2, None, 0, "8 x 32 channels of 32 x 32", "normal"))
    return out


def _x(g, shape, kind):
    if kind == "ties":
        return g.integers(0, 2, size=shape).astype(np.float64)
    if kind == "negative":
        return -g.uniform(1.0, 5.0, size=shape)
    return g.normal(size=shape)


def examples(level):
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    if level == 1:
        return [Call((x, 2), name="2x2 windows"), Call((-x, 3), {"stride": 1, "padding": 1}, name="padding never wins")]
    x2, dy = np.array([[[[1.0, 1.0], [0.0, 1.0]]]]), np.array([[[[5.0]]]])
    return [Call((x2, dy, 2), entry="max_pool2d_backward", check=grad_checker, name="a tie goes to the first maximum")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    for shape, k, s, p, note, kind in _spec(g):
        x = _x(g, shape, kind)
        kw = {"padding": p} if s is None else {"stride": s, "padding": p}
        if level == 1:
            cases.append(Call((x, k), kw, expected=_torch(x, k, s, p), note=note))
        else:
            dy = g.normal(size=_torch(x, k, s, p).shape)
            cases.append(Call((x, dy, k), kw, expected=_torch(x, k, s, p, dy), entry="max_pool2d_backward",
                              check=grad_checker, note=note))
    return cases
