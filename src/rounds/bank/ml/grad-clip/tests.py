"""Gradient clipping against torch.nn.utils.clip_grad_norm_ in float64 on the host."""

import math

import torch

from rounds.testkit import Call, custom, floats

_values = floats(atol=1e-12, rtol=1e-10)


def _check(actual, expected, args):
    if not isinstance(actual, tuple | list) or len(actual) != 2:
        return "return a pair (clipped, total_norm)"
    clipped, total = actual
    if not isinstance(total, float):
        return f"total_norm is a {type(total).__name__}, expected a Python float"
    o = _values(total, expected[1], args)
    if not o.ok:
        return f"total_norm: {o.message}"
    if not isinstance(clipped, list) or len(clipped) != len(expected[0]):
        return f"clipped must be a list of {len(expected[0])} tensors"
    for i, (a, e) in enumerate(zip(clipped, expected[0], strict=True)):
        o = _values(a, e, args)
        if not o.ok:
            return f"clipped[{i}]: {o.message}"
    return None


checker = custom(_check)
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def oracle(grads, max_norm, norm_type):
    ps = [torch.zeros_like(g, requires_grad=True) for g in grads]
    for p, g in zip(ps, grads, strict=True):
        p.grad = g.clone()
    if not ps:
        return [], 0.0
    total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type=norm_type)
    return [p.grad for p in ps], float(total)


def case(grads, max_norm, norm_type, note):
    return Call((grads, max_norm, norm_type), expected=oracle(grads, max_norm, norm_type), note=note,
                capture_args=False)


def _grads(g, shapes, scale=1.0):
    return [scale * torch.randn(*s, generator=g, dtype=torch.float64) for s in shapes]


def examples(level):
    if level == 1:
        return [case([torch.tensor([3.0, 0.0], dtype=torch.float64), torch.tensor([[4.0]], dtype=torch.float64)],
                     1.0, 2.0, "global norm 5, clipped to 1")]
    return [case([torch.tensor([3.0, -7.0], dtype=torch.float64), torch.tensor([1.0], dtype=torch.float64)],
                 2.0, math.inf, "infinity norm: the largest absolute entry")]


def hidden(level, rng):
    g = torch.Generator().manual_seed(rng.randrange(2**31))
    if level == 1:
        cases = [
            case(_grads(g, [(10,), (3, 4)]), 1.0, 2.0, "norm above the limit: every tensor scaled by one factor"),
            case(_grads(g, [(5,)], 0.01), 1.0, 2.0, "norm below the limit: unchanged, never scaled up"),
            case([torch.zeros(4, dtype=torch.float64), torch.zeros(2, 2, dtype=torch.float64)], 1.0, 2.0,
                 "all-zero gradients: total norm 0, nothing changes"),
            case(_grads(g, [(100,), (1,), (2, 3, 4)], 10.0), 5.0, 2.0,
                 "one large tensor and small ones: the norm is global, not per tensor"),
            case(_grads(g, [(8,)]), 0.0, 2.0, "max_norm 0: everything becomes (almost) zero"),
            case([], 1.0, 2.0, "no gradients at all"),
            case(_grads(g, [(3,), (3,)], 1e-7), 1e-7, 2.0, "tiny norms: the 1e-6 in the denominator matters"),
        ]
        for _ in range(5):
            shapes = [tuple(rng.randint(1, 6) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4))]
            cases.append(case(_grads(g, shapes, rng.choice([0.1, 1.0, 10.0])), rng.choice([0.5, 1.0, 5.0]), 2.0,
                              "random gradients"))
        return cases
    cases = [
        case(_grads(g, [(10,), (3, 4)]), 1.0, math.inf, "infinity norm over several tensors"),
        case(_grads(g, [(10,), (3, 4)]), 1.0, 1.0, "L1 norm: the sum of absolute values"),
        case(_grads(g, [(6,), (2, 5)]), 2.0, 3.0, "p = 3: combine per-tensor 3-norms with a 3-norm"),
        case(_grads(g, [(5,)], 0.01), 1.0, math.inf, "infinity norm below the limit"),
        case(_grads(g, [(4,), (4,)]), 1.0, 2.0, "p = 2 still works"),
    ]
    for _ in range(4):
        shapes = [tuple(rng.randint(1, 6) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4))]
        cases.append(case(_grads(g, shapes), rng.choice([0.5, 1.0, 3.0]), rng.choice([1.0, 1.5, 3.0, math.inf]),
                          "random gradients and norm"))
    return cases
