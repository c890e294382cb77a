import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _torch(x, h0, w_xh, w_hh, b, dhs=None):
    """The float64 oracle: an explicit tanh recurrence differentiated by autograd."""
    import torch

    t = [torch.tensor(a, dtype=torch.float64, requires_grad=dhs is not None) for a in (x, h0, w_xh, w_hh, b)]
    h, outs = t[1], []
    for step in range(x.shape[0]):
        h = torch.tanh(t[0][step] @ t[2].T + h @ t[3].T + t[4])
        outs.append(h)
    hs = torch.stack(outs)
    if dhs is None:
        return hs.detach().numpy()
    hs.backward(torch.tensor(dhs))
    return tuple(a.grad.numpy() for a in t)


def _spec(g):
    out = [((1, 1, 2, 3), 1.0, "one step"), ((4, 1, 1, 1), 1.0, "scalar state over 4 steps"),
           ((5, 2, 3, 4), 1.0, "batch 2, D != H"), ((6, 3, 4, 4), 1.0, "square input weights: layout matters"),
           ((8, 2, 2, 3), 3.0, "large weights: saturated tanh"), ((12, 1, 3, 5), 0.3, "12 steps, small weights"),
           ((3, 4, 5, 2), 1.0, "H = 2")]
    for _ in range(3):
        out.append((tuple(int(s) for s in g.integers(1, 7, size=4)), float(g.choice([0.5, 1.0, 2.0])), "random sizes"))
    out.append(((64, 16, 32, 64), 1.0, "64 steps, batch 16, 32 -> 64"))
    return out


def _args(g, spec, scale):
    t, n, d, h = spec
    return (g.normal(size=(t, n, d)), g.normal(size=(n, h)) * 0.5,
            g.normal(size=(h, d)) * scale / np.sqrt(d), g.normal(size=(h, h)) * scale / np.sqrt(h), g.normal(size=h) * 0.1)


def examples(level):
    a = (np.array([[[1.0]], [[0.0]]]), np.zeros((1, 1)), np.array([[1.0]]), np.array([[2.0]]), np.zeros(1))
    if level == 1:
        return [Call(a, name="two steps, scalar state")]
    dhs = np.array([[[0.0]], [[1.0]]])
    return [Call(a + (dhs,), expected=_torch(*a, dhs), entry="rnn_backward", name="loss on the last state only")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    for spec, scale, note in _spec(g):
        a = _args(g, spec, scale)
        if level == 1:
            cases.append(Call(a, expected=_torch(*a), note=note))
        else:
            dhs = g.normal(size=(spec[0], spec[1], spec[3]))
            if note == "scalar state over 4 steps":
                dhs[:-1] = 0.0
                note = "gradient only on the last state: it must flow back through every step"
            cases.append(Call(a + (dhs,), expected=_torch(*a, dhs), entry="rnn_backward", note=note))
    return cases
