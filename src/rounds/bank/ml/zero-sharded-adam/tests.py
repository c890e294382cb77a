"""Streams for the ZeRO-1 Adam simulation: steps with per-rank gradients, slice and state probes.

The reference equals unsharded Adam on the mean gradient (checked in the project's tests); the
shard and state_sizes probes pin the layout: flatten in order, pad at the end, equal slices.
"""

import numpy as np

from rounds.testkit import Ops, custom, floats, op

# The contract: the arrays passed in are not modified. In a stream they arrive read-only, so a
# write into one (at any step, into the constructor's arrays too) fails the step that made it.
inputs_unchanged = True

_values = floats(atol=1e-12, rtol=1e-9, dtype="float64")


def _step_check(actual, expected, args):
    if isinstance(expected, list) and all(type(x) is int for x in expected):
        if not isinstance(actual, list) or not all(type(x) is int for x in actual):
            return "state_sizes() must return a list of Python ints"
        return None if actual == expected else "state sizes differ: each rank holds m and v for its own slice only"
    return _values(actual, expected, args)


step_checker = custom(_step_check)


def stream(g, shapes, ws, n_steps, note, lr=0.01, betas=(0.9, 0.999), eps=1e-8, spread=1.0, probe_every=2):
    params = [g.normal(size=s) for s in shapes]
    ops = [op("state_sizes")]
    for i in range(n_steps):
        # Ranks see different data: their gradients differ around a common mean.
        base = [g.normal(size=s) for s in shapes]
        grads = [[b + spread * g.normal(size=np.shape(b)) for b in base] for _ in range(ws)]
        ops.append(op("step", grads))
        if (i + 1) % probe_every == 0 or i == n_steps - 1:
            ops.append(op("shard", (i * 7) % ws))
            ops.append(op("shard", ws - 1))
    ops.append(op("state_sizes"))
    return Ops(ops, init=(params, ws, lr, betas[0], betas[1], eps), note=note)


def examples(level):
    g = np.random.default_rng(21)
    return [stream(g, [(2, 3), (2,)], 3, 2, "P = 8 over 3 ranks: slices of 3, the last one padded", lr=0.1,
                   probe_every=1)]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        stream(g, [(4,)], 1, 3, "one rank: plain Adam"),
        stream(g, [(3, 4), (4,)], 4, 3, "P = 16 over 4 ranks: no padding, one parameter spans two slices"),
        stream(g, [(2, 3), (5,)], 2, 4, "ranks see different gradients: every slice uses their mean",
               spread=3.0),
        stream(g, [()], 4, 3, "one scalar parameter over 4 ranks: ranks 1 to 3 own only padding"),
        stream(g, [(3, 5)], 2, 3, "a matrix over 2 ranks: flattened row by row, so rank 0 holds its first 8 "
               "entries in row-major order", probe_every=1),
        stream(g, [(7,), (), (2, 2, 2)], 3, 25, "25 steps: bias correction with the shared step count",
               lr=0.003, betas=(0.8, 0.99)),
        stream(g, [(10, 10), (10,)], 8, 5, "110 values over 8 ranks: slices of 14, two slots of padding"),
        stream(g, [(50, 100)], 8, 20, "5000 values, 8 ranks, 20 steps", probe_every=5),
    ]
    for _ in range(3):
        shapes = [tuple(rng.randint(1, 6) for _ in range(rng.randint(0, 2))) for _ in range(rng.randint(1, 4))]
        cases.append(stream(g, shapes, rng.randint(1, 8), rng.randint(1, 10), "random stream",
                            lr=rng.choice([1e-3, 1e-2, 0.1]), spread=rng.choice([0.0, 1.0])))
    return cases
