import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-7, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _autograd(x, gamma, beta, dy, eps):
    """The float64 oracle for level 2."""
    import torch

    t = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, gamma, beta)]
    y = torch.nn.functional.layer_norm(t[0], (x.shape[-1],), t[1], t[2], eps)
    y.backward(torch.tensor(dy))
    return tuple(a.grad.numpy() for a in t)


# How to fix what a note names: open feedback only.
_HINTS = {"variance 1e-6, comparable to eps": "eps goes inside the square root: (x - mean) / sqrt(var + eps)"}


def _inputs(g):
    out = []

    def add(x, note, eps=1e-5, gamma=None, beta=None):
        d = x.shape[-1]
        gamma = g.normal(size=d) if gamma is None else gamma
        beta = g.normal(size=d) if beta is None else beta
        out.append((x, gamma, beta, eps, note))

    add(np.full((2, 4), 3.0), "constant rows: variance 0, output is beta")
    add(g.normal(size=(3, 1)), "D = 1: every row is constant")
    add(g.normal(size=(4, 6)) * 1e-3, "variance 1e-6, comparable to eps")
    add(g.normal(size=(2, 5)) * 2e-3, "eps = 0.1 changes the scale a lot", eps=0.1)
    add(g.normal(size=(1, 7)), "a batch of one")
    add(g.normal(size=(3, 5)) + 1e7, "a 1e7 offset: E[x^2] - E[x]^2 cancels catastrophically")
    add(g.normal(size=(3, 3)) * 5, "a square matrix: normalise rows, not columns")
    add(g.normal(size=(2, 3, 4)) * 3 + 1, "a 3-D batch (batch, tokens, features)")
    add(g.normal(size=(8,)), "a single vector (1-D input)")
    for _ in range(4):
        shape = tuple(int(s) for s in g.integers(1, 7, size=g.integers(1, 4)))
        add(g.normal(size=shape) * float(g.choice([0.01, 1.0, 100.0])) + float(g.normal() * 10), "random shape")
    add(g.normal(size=(64, 33, 96)), "64 x 33 tokens of width 96")
    return out


def examples(level):
    if level == 1:
        return [
            Call((np.array([[1.0, 2.0, 3.0]]), np.ones(3), np.zeros(3)), name="one row, identity affine"),
            Call((np.array([[5.0, 5.0]]), np.array([2.0, 3.0]), np.array([0.5, -1.0])), name="constant row"),
        ]
    x, gm, bt, dy = np.array([[1.0, 2.0, 3.0]]), np.ones(3), np.zeros(3), np.array([[1.0, 0.0, 0.0]])
    return [Call((x, gm, bt, dy), expected=_autograd(x, gm, bt, dy, 1e-5), entry="layer_norm_backward",
                 name="one row")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    for x, gamma, beta, eps, note in _inputs(g):
        kw = {} if eps == 1e-5 else {"eps": eps}
        if level == 1:
            cases.append(Call((x, gamma, beta), kw, note=note, hint=_HINTS.get(note, "")))
        else:
            dy = g.normal(size=x.shape)
            cases.append(Call((x, gamma, beta, dy), kw, expected=_autograd(x, gamma, beta, dy, eps),
                              entry="layer_norm_backward", note=note, hint=_HINTS.get(note, "")))
    return cases
