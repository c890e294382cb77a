import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-9, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _autograd(x, w, b, dy):
    """The float64 oracle for level 2."""
    import torch

    t = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, w, b)]
    torch.nn.functional.linear(*t).backward(torch.tensor(dy))
    return tuple(a.grad.numpy() for a in t)


def _shapes(g):
    out = [((1, 3), 2, "one example"), ((4, 3), 3, "square weight: the layout still matters"),
           ((5,), 4, "a single vector without batch axis"), ((2, 7, 6), 4, "(batch, tokens, features)"),
           ((3, 2, 2, 5), 1, "four-dimensional input, one output"), ((6, 1), 5, "one input feature")]
    for _ in range(4):
        lead = tuple(int(s) for s in g.integers(1, 5, size=g.integers(1, 3)))
        out.append((lead + (int(g.integers(1, 9)),), int(g.integers(1, 9)), "random sizes"))
    out.append(((16, 64, 128), 96, "16 x 64 tokens, 128 -> 96"))
    return out


def examples(level):
    if level == 1:
        return [Call((np.array([[1.0, 2.0]]), np.array([[1.0, 0.0], [1.0, 1.0], [0.0, -1.0]]), np.array([0.5, 0.0, 1.0])),
                     name="two in, three out")]
    x, w, b, dy = np.array([[1.0, 2.0]]), np.eye(2), np.zeros(2), np.array([[1.0, -1.0]])
    return [Call((x, w, b, dy), expected=_autograd(x, w, b, dy), entry="linear_backward", name="identity weight")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    for xs, out, note in _shapes(g):
        x = g.normal(size=xs)
        w, b = g.normal(size=(out, xs[-1])), g.normal(size=out)
        if level == 1:
            cases.append(Call((x, w, b), note=note))
        else:
            dy = g.normal(size=xs[:-1] + (out,))
            cases.append(Call((x, w, b, dy), expected=_autograd(x, w, b, dy), entry="linear_backward", note=note))
    return cases
