"""LoRA forward, merge/unmerge and adapter gradients against a float64 torch oracle.

Expected values come from plain torch in float64: the forward written as the
two-path sum, merging as W + scale * B @ A, and gradients from autograd.
"""

import torch

from rounds.testkit import Call, custom, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def unchanged_inputs(inner, names):
    """Check the returned value with ``inner`` and that no tensor argument was modified."""

    def check(actual, expected, args):
        o = inner(actual["return"], expected["return"], args)
        if not o.ok:
            return o.message
        for name, a, e in zip(names, actual["args"], expected["args"], strict=False):
            if torch.is_tensor(e) and not torch.equal(a, e):
                return f"{name} was modified by the call; return a new tensor and leave the inputs unchanged"
        return None

    return custom(check)


def _gen(seed):
    return torch.Generator().manual_seed(seed)


def _params(g, d_in, d_out, r, b_zero=False):
    W = torch.randn(d_out, d_in, generator=g, dtype=torch.float64) / d_in**0.5
    b = torch.zeros(d_out, dtype=torch.float64) if b_zero else torch.randn(d_out, generator=g, dtype=torch.float64)
    A = torch.randn(r, d_in, generator=g, dtype=torch.float64) / d_in**0.5
    B = torch.randn(d_out, r, generator=g, dtype=torch.float64)
    return W, b, A, B


def _x(g, lead, d_in):
    return torch.randn(*lead, d_in, generator=g, dtype=torch.float64)


def oracle_forward(x, W, b, A, B, alpha):
    r = A.shape[0]
    base = torch.nn.functional.linear(x, W, b)
    return base + (alpha / r) * torch.nn.functional.linear(torch.nn.functional.linear(x, A), B)


def oracle_grads(x, W, b, A, B, alpha, grad_out):
    A_ = A.clone().requires_grad_(True)
    B_ = B.clone().requires_grad_(True)
    y = oracle_forward(x, W, b, A_, B_, alpha)
    y.backward(grad_out)
    return A_.grad, B_.grad


def fwd(seed, lead, d_in, d_out, r, alpha, note, b_zero=False):
    g = _gen(seed)
    W, b, A, B = _params(g, d_in, d_out, r, b_zero)
    x = _x(g, lead, d_in)
    return Call((x, W, b, A, B, alpha), expected=oracle_forward(x, W, b, A, B, alpha), note=note)


def merged(seed, d_in, d_out, r, alpha, note):
    g = _gen(seed)
    W, b, A, B = _params(g, d_in, d_out, r)
    want = W + (alpha / r) * B @ A
    return Call((W, A, B, alpha), expected={"return": want, "args": [W.clone(), A.clone(), B.clone(), alpha]},
                capture_args=True, entry="merge", note=note,
                check=unchanged_inputs(checker, ["W", "A", "B"]))


def unmerged(seed, d_in, d_out, r, alpha, note):
    g = _gen(seed)
    W, b, A, B = _params(g, d_in, d_out, r)
    Wm = W + (alpha / r) * B @ A
    return Call((Wm, A, B, alpha), expected={"return": W, "args": [Wm.clone(), A.clone(), B.clone(), alpha]},
                capture_args=True, entry="unmerge", note=note,
                check=unchanged_inputs(floats(atol=1e-9, rtol=1e-8, dtype="float64"), ["W_merged", "A", "B"]))


def grads(seed, lead, d_in, d_out, r, alpha, note):
    g = _gen(seed)
    W, b, A, B = _params(g, d_in, d_out, r)
    x = _x(g, lead, d_in)
    go = torch.randn(*lead, d_out, generator=g, dtype=torch.float64)
    return Call((x, W, b, A, B, alpha, go), expected=oracle_grads(x, W, b, A, B, alpha, go),
                entry="lora_grads", note=note)


def examples(level):
    if level == 1:
        return [fwd(1, (2,), 4, 3, 2, 8.0, "batch 2, d_in 4, d_out 3, rank 2, alpha 8")]
    if level == 2:
        return [merged(2, 4, 3, 2, 8.0, "merge a rank-2 adapter")]
    return [grads(3, (2,), 4, 3, 2, 8.0, "gradients for a batch of 2")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            fwd(s(), (5,), 16, 16, 1, 1.0, "rank 1, alpha 1"),
            fwd(s(), (5,), 16, 24, 4, 16.0, "alpha / r = 4: the scale is alpha over rank"),
            fwd(s(), (3,), 12, 12, 8, 8.0, "alpha equal to rank: scale 1"),
            fwd(s(), (2, 7), 10, 6, 2, 4.0, "a batch of sequences: x has shape (2, 7, d_in)"),
            fwd(s(), (1,), 8, 20, 3, 6.0, "d_out > d_in: mind which side A and B sit on"),
            fwd(s(), (4,), 20, 5, 2, 2.0, "zero bias", b_zero=True),
        ]
        for _ in range(5):
            cases.append(fwd(s(), (rng.randint(1, 8),), rng.randint(2, 48), rng.randint(2, 48), rng.randint(1, 8),
                             float(rng.choice([1, 2, 8, 16, 32])), "random shapes"))
        g = _gen(s())
        W, b, A, _ = _params(g, 12, 9, 4)
        B0 = torch.zeros(9, 4, dtype=torch.float64)
        x = _x(g, (6,), 12)
        cases.append(Call((x, W, b, A, B0, 16.0), expected=oracle_forward(x, W, b, A, B0, 16.0),
                          note="B initialised to zero: the adapter starts as a no-op"))
        return cases
    if level == 2:
        cases = [
            merged(s(), 16, 16, 1, 1.0, "merge, rank 1"),
            merged(s(), 10, 24, 4, 16.0, "merge with d_out > d_in"),
            merged(s(), 24, 10, 4, 16.0, "merge with d_in > d_out"),
            unmerged(s(), 16, 16, 2, 4.0, "unmerge"),
            unmerged(s(), 10, 20, 8, 32.0, "unmerge, rank 8"),
        ]
        for _ in range(3):
            cases.append(merged(s(), rng.randint(2, 40), rng.randint(2, 40), rng.randint(1, 8),
                                float(rng.choice([1, 8, 16])), "random merge"))
            cases.append(unmerged(s(), rng.randint(2, 40), rng.randint(2, 40), rng.randint(1, 8),
                                  float(rng.choice([1, 8, 16])), "random unmerge"))
        return cases
    cases = [
        grads(s(), (4,), 8, 8, 1, 1.0, "rank 1"),
        grads(s(), (5,), 12, 20, 4, 16.0, "d_out > d_in, alpha / r = 4"),
        grads(s(), (3, 6), 10, 7, 2, 8.0, "x of shape (3, 6, d_in): sum over every leading position"),
        grads(s(), (1,), 16, 4, 8, 8.0, "a single row"),
    ]
    for _ in range(5):
        cases.append(grads(s(), (rng.randint(1, 6), rng.randint(1, 5)), rng.randint(2, 32), rng.randint(2, 32),
                           rng.randint(1, 8), float(rng.choice([1, 8, 16])), "random shapes"))
    return cases
