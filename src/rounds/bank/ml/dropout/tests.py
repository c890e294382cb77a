"""Statistical checks for dropout: no expected values, properties instead.

Every training-mode output must be made of exact zeros and x / (1 - p); the
share of zeros must match p within about five standard deviations, overall and
in every row and column (so masks are independent per element); evaluation
mode is the identity. The level 2 gradient must use the same mask as the output.
"""

import math

import torch

from rounds.testkit import Call, custom


def _tensor(name, t, shape):
    if not torch.is_tensor(t):
        return f"{name} is a {type(t).__name__}, expected a torch.Tensor"
    if tuple(t.shape) != tuple(shape):
        return f"{name} has shape {tuple(t.shape)}, expected {tuple(shape)}"
    if t.dtype != torch.float64:
        return f"{name} has dtype {t.dtype}, expected torch.float64"
    if not torch.isfinite(t).all():
        return f"{name} holds NaN or inf"
    return None


def _dropped_pattern(name, y, x, p):
    """None when every entry is 0 or x / (1 - p) and the zeros look like Bernoulli(p); else why."""
    kept = y != 0
    scaled = x / (1.0 - p)
    bad = kept & ~torch.isclose(y, scaled, rtol=1e-12, atol=0.0)
    if bad.any():
        i = tuple(int(v) for v in torch.nonzero(bad)[0])
        ratio = (y[i] / x[i]).item()
        return (f"{name}{list(i)} is {y[i].item():.6g} = x * {ratio:.6g}; a kept element must be x / (1 - p) "
                f"= x * {1 / (1 - p):.6g}")
    n = y.numel()
    frac = 1.0 - kept.double().mean().item()
    sd = math.sqrt(p * (1 - p) / n)
    if abs(frac - p) > 5 * sd + 1e-12:
        return f"{frac:.4f} of the elements are zero, expected p = {p} (within {5 * sd:.4f})"
    if y.dim() == 2 and 0 < p < 1:
        for axis, what in ((0, "column"), (1, "row")):
            fr = 1.0 - kept.double().mean(dim=axis)
            m = y.shape[axis]
            lim = 6 * math.sqrt(p * (1 - p) / m)
            worst = int((fr - p).abs().argmax())
            if abs(fr[worst].item() - p) > lim:
                return (f"{what} {worst} has {fr[worst].item():.3f} of its elements zero, expected about {p}: "
                        "each element needs its own independent draw")
    return None


def _check_forward(actual, expected, args):
    x, p, training, seed = args
    why = _tensor("the output", actual, x.shape)
    if why:
        return why
    if not training:
        if not torch.equal(actual, x):
            return "in evaluation mode dropout is the identity: the output must equal x"
        return None
    if p == 0.0:
        return None if torch.equal(actual, x) else "p = 0 drops nothing: the output must equal x"
    if p == 1.0:
        return None if bool((actual == 0).all()) else "p = 1 drops everything: the output must be all zeros"
    return _dropped_pattern("y", actual, x, p)


def _check_grad(actual, expected, args):
    x, p, seed, grad_out = args
    if not isinstance(actual, tuple | list) or len(actual) != 2:
        return "return a pair (y, grad_x)"
    y, gx = actual
    for name, t in (("y", y), ("grad_x", gx)):
        why = _tensor(name, t, x.shape)
        if why:
            return why
    if p == 1.0:
        return None if bool((y == 0).all() and (gx == 0).all()) else "p = 1: y and grad_x must be all zeros"
    why = _dropped_pattern("y", y, x, p)
    if why:
        return why
    want = torch.where(y != 0, grad_out / (1.0 - p), torch.zeros_like(grad_out))
    if not torch.allclose(gx, want, rtol=1e-12, atol=0.0):
        i = tuple(int(v) for v in torch.nonzero(~torch.isclose(gx, want, rtol=1e-12, atol=0.0))[0])
        state = "kept" if y[i] != 0 else "dropped"
        return (f"grad_x{list(i)} is {gx[i].item():.6g} but element {list(i)} was {state} in y: the gradient is "
                f"grad_out / (1 - p) where kept and 0 where dropped, with the same mask as the forward pass")
    return None


checker = custom(_check_forward)
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _x(g, shape):
    sign = torch.where(torch.rand(shape, generator=g) < 0.5, -1.0, 1.0).double()
    return sign * (1.0 + torch.rand(shape, generator=g, dtype=torch.float64))


def fwd(seed, shape, p, training, note):
    g = torch.Generator().manual_seed(seed)
    return Call((_x(g, shape), p, training, seed % 100000), note=note)


def grad(seed, shape, p, note):
    g = torch.Generator().manual_seed(seed)
    x = _x(g, shape)
    go = torch.randn(shape, generator=g, dtype=torch.float64)
    return Call((x, p, seed % 100000, go), entry="dropout_with_grad", check=custom(_check_grad), note=note)


def examples(level):
    if level == 1:
        return [fwd(1, (4, 5), 0.5, False, "evaluation mode: identity"),
                fwd(2, (200, 300), 0.5, True, "training mode, p = 0.5")]
    return [grad(3, (100, 200), 0.3, "forward and backward with one mask")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            fwd(s(), (200, 500), 0.1, True, "p = 0.1: kept elements are scaled by 1 / 0.9"),
            fwd(s(), (200, 500), 0.5, True, "p = 0.5"),
            fwd(s(), (250, 400), 0.8, True, "p = 0.8: most elements dropped"),
            fwd(s(), (50, 40), 0.3, False, "evaluation mode: no scaling either"),
            fwd(s(), (30, 20), 0.0, True, "p = 0 in training: identity"),
            fwd(s(), (30, 20), 1.0, True, "p = 1: all zeros, not NaN"),
            fwd(s(), (20000,), 0.25, True, "a 1-D tensor"),
            fwd(s(), (20, 30, 40), 0.4, True, "a 3-D tensor"),
        ]
        for _ in range(3):
            cases.append(fwd(s(), (rng.randint(100, 300), rng.randint(100, 300)), rng.choice([0.2, 0.3, 0.6]), True,
                             "random shape and p"))
        return cases
    cases = [
        grad(s(), (200, 300), 0.5, "p = 0.5"),
        grad(s(), (200, 300), 0.1, "p = 0.1"),
        grad(s(), (20, 10), 1.0, "p = 1: zero output and zero gradient"),
        grad(s(), (10000,), 0.3, "a 1-D tensor"),
    ]
    for _ in range(2):
        cases.append(grad(s(), (rng.randint(100, 250), rng.randint(100, 250)), rng.choice([0.2, 0.4, 0.7]),
                          "random shape and p"))
    return cases
