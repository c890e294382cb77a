"""Accumulated SGD steps against a float64 torch oracle run on the host.

The oracle concatenates every micro-batch's tokens into one batch, takes torch's cross-entropy
with ignore_index=-100 and reduction="mean" (the mean over non-ignored tokens), differentiates
it with autograd and clips with PyTorch's rule: what the full batch would do in one go.
"""

import numpy as np
import torch

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_num = floats(atol=1e-10, rtol=1e-8)


def oracle(W, micro_batches, lr, max_norm):
    Wt = torch.tensor(W, requires_grad=True)
    xs = torch.cat([torch.tensor(X.reshape(-1, X.shape[-1])) for X, _ in micro_batches])
    ys = torch.cat([torch.tensor(y.reshape(-1)) for _, y in micro_batches])
    loss = torch.nn.functional.cross_entropy(xs @ Wt, ys, ignore_index=-100, reduction="mean")
    loss.backward()
    g = Wt.grad.clone()
    norm = float(torch.linalg.vector_norm(g))
    if max_norm is not None:
        g = g * min(1.0, max_norm / (norm + 1e-6))
    return (W - lr * g.numpy(), float(loss.detach()), norm)


def _check(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 3:
        return "return a tuple (W_new, loss, norm)"
    W_new, loss, norm = actual
    if not isinstance(W_new, np.ndarray) or W_new.dtype != np.float64:
        return "W_new must be a float64 numpy array"
    for name, v in (("loss", loss), ("norm", norm)):
        if not isinstance(v, float):
            return f"{name} must be a Python float, got {type(v).__name__}"
    for name, a, e in (("loss", loss, expected[1]), ("norm (before clipping)", norm, expected[2]),
                       ("W_new", W_new, expected[0])):
        o = _num(a, e, args)
        if not o.ok:
            return f"{name}: {o.message}"
    return None


checker = custom(_check)


def _mb(g, B, T, d, V, pad_frac=0.0, scale=1.0, all_pad=False):
    X = g.normal(size=(B, T, d)) * scale
    y = g.integers(0, V, size=(B, T))
    if all_pad:
        y[:] = -100
    elif pad_frac:
        # right padding: each row keeps a random prefix of real tokens (at least one)
        for b in range(B):
            keep = max(1, int(round(T * (1 - pad_frac * g.uniform(0.5, 1.0)))))
            y[b, keep:] = -100
    return X, y.astype(np.int64)


def _case(g, d, V, specs, lr, max_norm, note, name="", wscale=0.5):
    W = g.normal(size=(d, V)) * wscale
    mbs = [_mb(g, d=d, V=V, **s) for s in specs]
    args = (W, mbs, lr, max_norm)
    return Call(args, expected=oracle(W, mbs, lr, max_norm), note=note, name=name)


def examples(level):
    W = np.array([[0.1, -0.2, 0.3, 0.0], [0.5, 0.1, -0.4, 0.2], [-0.3, 0.2, 0.1, 0.4]])
    X0 = np.array([[[1.0, 0.0, 2.0], [0.5, 0.5, 0.5]]])
    X1 = np.array([[[0.0, 1.0, -1.0], [1.0, 1.0, 0.0], [2.0, -1.0, 1.0]]])
    mbs = [(X0, np.array([[2, -100]], dtype=np.int64)), (X1, np.array([[0, 1, 3]], dtype=np.int64))]
    return [Call((W, mbs, 0.5, None), expected=oracle(W, mbs, 0.5, None), name="1 + 3 real tokens",
                 note="the loss is the mean over all 4 real tokens, not the mean of two micro-batch means")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        _case(g, 4, 5, [dict(B=2, T=3)], 0.1, None, "one micro-batch, no padding: the plain step"),
        _case(g, 6, 7, [dict(B=1, T=2), dict(B=4, T=16)], 0.1, None,
              "2 tokens and 64 tokens: each token weighs 1/66, whichever micro-batch holds it"),
        _case(g, 5, 6, [dict(B=4, T=12, pad_frac=0.9), dict(B=4, T=12), dict(B=2, T=5, pad_frac=0.5)], 0.2, None,
              "heavy right padding: padding tokens are neither in the sum nor in the count"),
        _case(g, 5, 6, [dict(B=3, T=4), dict(B=2, T=6, all_pad=True), dict(B=1, T=3)], 0.1, None,
              "a micro-batch that is all padding contributes nothing"),
        _case(g, 8, 10, [dict(B=3, T=5), dict(B=2, T=9, pad_frac=0.6), dict(B=5, T=2)], 0.5, 0.05,
              "clipping is active: clip the accumulated gradient once"),
        _case(g, 8, 10, [dict(B=3, T=5, scale=0.01), dict(B=2, T=7, scale=0.01)], 0.5, 100.0,
              "the norm is below max_norm: the gradient is not scaled", wscale=0.01),
        _case(g, 6, 8, [dict(B=2, T=8, scale=400.0), dict(B=2, T=3, scale=400.0)], 0.01, 1.0,
              "logits beyond 700: exp overflows without the max subtracted"),
        _case(g, 7, 9, [dict(B=1, T=1), dict(B=1, T=40, pad_frac=0.3), dict(B=6, T=2, pad_frac=0.5)], 0.3, 0.2,
              "three uneven micro-batches with clipping"),
        _case(g, 64, 64, [dict(B=16, T=64, pad_frac=0.4) for _ in range(8)], 0.1, 1.0,
              "the largest batch: 8 micro-batches of 16 x 64 tokens"),
    ]
    for _ in range(4):
        d, V = rng.randint(1, 12), rng.randint(2, 12)
        specs = [dict(B=rng.randint(1, 4), T=rng.randint(1, 10), pad_frac=rng.choice([0.0, 0.5]))
                 for _ in range(rng.randint(1, 5))]
        cases.append(_case(g, d, V, specs, rng.choice([0.05, 0.5]), rng.choice([None, 0.1, 1.0]), "random batch"))
    return cases
