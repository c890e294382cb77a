import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-8, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _torch(x, w, b, stride, padding, dy=None):
    """The float64 oracle: PyTorch's conv2d and, for level 2, its autograd."""
    import torch

    t = [torch.tensor(a, dtype=torch.float64, requires_grad=dy is not None) for a in (x, w, b)]
    y = torch.nn.functional.conv2d(*t, stride=stride, padding=padding)
    if dy is None:
        return y.detach().numpy()
    y.backward(torch.tensor(dy))
    return tuple(a.grad.numpy() for a in t)


def _out(n, k, s, p):
    return (n + 2 * p - k) // s + 1


def _spec(g):
    out = [
        ((1, 1, 3, 3), (1, 1, 2, 2), 1, 0, "one channel, 2x2 kernel"),
        ((2, 3, 5, 5), (4, 3, 3, 3), 1, 1, "3x3 'same' convolution"),
        ((1, 2, 7, 7), (3, 2, 3, 3), 2, 0, "stride 2 on an odd size: the last column is dropped"),
        ((2, 1, 6, 8), (2, 1, 3, 2), 2, 1, "stride 2 with padding, rectangular kernel and image"),
        ((1, 2, 4, 4), (5, 2, 1, 1), 1, 0, "1x1 convolution: a per-pixel linear layer"),
        ((3, 2, 4, 4), (2, 2, 4, 4), 1, 0, "kernel as large as the image: one output pixel"),
        ((1, 1, 5, 5), (1, 1, 3, 3), 3, 2, "padding 2, stride 3"),
        ((2, 3, 8, 8), (4, 3, 4, 4), 4, 0, "non-overlapping patches (ViT patch embedding)"),
        ((1, 3, 5, 4), (3, 3, 2, 3), 1, 0, "C_out equals W_out: bias on the right axis"),
    ]
    for _ in range(3):
        c_in, c_out = int(g.integers(1, 5)), int(g.integers(1, 5))
        kh, kw, s, p = int(g.integers(1, 4)), int(g.integers(1, 4)), int(g.integers(1, 4)), int(g.integers(0, 3))
        h, wd = int(g.integers(max(1, kh - 2 * p), 10)), int(g.integers(max(1, kw - 2 * p), 10))
        out.append(((int(g.integers(1, 4)), c_in, h, wd), (c_out, c_in, kh, kw), s, p, "random sizes"))
    out.append(((8, 16, 32, 32), (32, 16, 3, 3), 1, 1, "8 x 16 x 32 x 32 input, 32 filters"))
    return out


def examples(level):
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    w = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])
    if level == 1:
        return [Call((x, w, np.array([0.5])), name="2x2 kernel"),
                Call((x, w, np.array([0.0])), {"stride": 2, "padding": 1}, name="stride 2, padding 1")]
    dy = np.ones((1, 1, 2, 2))
    return [Call((x, w, np.array([0.5]), dy), expected=_torch(x, w, np.array([0.5]), 1, 0, dy),
                 entry="conv2d_backward", name="all-ones upstream gradient")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    for xs, ws, s, p, note in _spec(g):
        x, w, b = g.normal(size=xs), g.normal(size=ws), g.normal(size=ws[0])
        kw = {"stride": s, "padding": p}
        if level == 1:
            cases.append(Call((x, w, b), kw, expected=_torch(x, w, b, s, p), note=note))
        else:
            dy = g.normal(size=(xs[0], ws[0], _out(xs[2], ws[2], s, p), _out(xs[3], ws[3], s, p)))
            cases.append(Call((x, w, b, dy), kw, expected=_torch(x, w, b, s, p, dy), entry="conv2d_backward", note=note))
    return cases
