"""Optimisation streams: AdamW built on parameters, then a run of step(grads).

The reference matches torch.optim.AdamW in float64 (checked in the project's
tests). Level 1 streams use weight_decay = 0 (plain Adam); level 2 streams use
decoupled weight decay.
"""

import torch

from rounds.testkit import Ops, floats, op

step_checker = floats(atol=1e-12, rtol=1e-9, dtype="float64")
# step() returns copies: the results are read after the whole stream, so live tensors show.
results_at_end = True


def stream(seed, shapes, n_steps, lr, betas, eps, wd, note, grad_scale=1.0, hint=""):
    g = torch.Generator().manual_seed(seed)
    params = [torch.randn(*s, generator=g, dtype=torch.float64) for s in shapes]
    ops = []
    for _ in range(n_steps):
        grads = [grad_scale * torch.randn(*s, generator=g, dtype=torch.float64) for s in shapes]
        ops.append(op("step", grads))
    return Ops(ops, init=(params, lr, betas[0], betas[1], eps, wd), note=note, hint=hint)


def examples(level):
    wd = 0.0 if level == 1 else 0.1
    return [stream(1, [(2,), (2, 2)], 3, 0.1, (0.9, 0.999), 1e-8, wd, "two parameters, three steps")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            stream(s(), [(3,)], 1, 0.01, (0.9, 0.999), 1e-8, 0.0,
                   "the first step: bias correction makes it about lr * sign(g)"),
            stream(s(), [(4, 3), (3,)], 20, 0.001, (0.9, 0.999), 1e-8, 0.0, "twenty steps, default betas"),
            stream(s(), [(5,)], 10, 0.05, (0.5, 0.9), 1e-8, 0.0, "other betas"),
            stream(s(), [(6,)], 8, 0.01, (0.9, 0.999), 1e-3, 0.0,
                   "tiny gradients with a large eps", grad_scale=1e-4,
                   hint="eps is added after the square root: m_hat / (sqrt(v_hat) + eps)"),
            stream(s(), [(2, 2, 2)], 5, 0.1, (0.0, 0.999), 1e-8, 0.0, "beta1 = 0: no momentum"),
            stream(s(), [(1,), (7,)], 12, 0.003, (0.95, 0.98), 1e-6, 0.0, "two parameters of different shapes"),
        ]
        for _ in range(3):
            shapes = [tuple(rng.randint(1, 5) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 3))]
            cases.append(stream(s(), shapes, rng.randint(1, 25), rng.choice([1e-3, 1e-2, 0.1]),
                                (rng.choice([0.8, 0.9]), rng.choice([0.99, 0.999])), 1e-8, 0.0, "random stream"))
        return cases
    cases = [
        stream(s(), [(3,)], 1, 0.01, (0.9, 0.999), 1e-8, 0.1, "one step with weight decay 0.1"),
        stream(s(), [(4, 3), (3,)], 15, 0.01, (0.9, 0.999), 1e-8, 0.01,
               "decay is decoupled: it never enters m or v"),
        stream(s(), [(5,)], 10, 0.1, (0.9, 0.999), 1e-8, 0.5, "strong decay: scaled by lr, applied before the step"),
        stream(s(), [(6,)], 6, 0.05, (0.9, 0.999), 1e-8, 0.1, "zero gradients: only the decay moves the weights",
               grad_scale=0.0),
    ]
    for _ in range(4):
        shapes = [tuple(rng.randint(1, 5) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 3))]
        cases.append(stream(s(), shapes, rng.randint(1, 25), rng.choice([1e-3, 1e-2, 0.1]), (0.9, 0.999), 1e-8,
                            rng.choice([0.01, 0.05, 0.1]), "random stream with weight decay"))
    return cases
