"""Tensor-parallel MLP, forward and backward, over simulated ranks.

Expected values come from the reference, which the project's tests compare with the unsharded
layer (forward) and torch autograd (backward) in float64. The structured checker names the part
that is wrong: the reduced output, one rank's partial, or one rank's gradient shard.
"""

import numpy as np

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_num = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def _part(a, e, what, args):
    if not isinstance(a, np.ndarray):
        return f"{what} is a {type(a).__name__}, expected a numpy array"
    o = _num(a, e, args)
    return None if o.ok else f"{what}: {o.message}"


def _check_forward(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (y, partials)"
    y, parts = actual
    ws = args[5]
    why = _part(y, expected[0], "y", args)
    if why:
        return why
    if not isinstance(parts, list) or len(parts) != ws:
        return f"partials must be a list of {ws} arrays, one per rank"
    for r, (a, e) in enumerate(zip(parts, expected[1], strict=True)):
        why = _part(a, e, f"partials[{r}] (rank {r}'s output before the all-reduce)", args)
        if why:
            return why
    return None


def _check_backward(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 3:
        return "return a tuple (dx, shards, db2)"
    dx, shards, db2 = actual
    ws = args[5]
    why = _part(dx, expected[0], "dx", args) or _part(db2, expected[2], "db2", args)
    if why:
        return why
    if not isinstance(shards, list) or len(shards) != ws:
        return f"shards must be a list of {ws} tuples, one per rank"
    for r, (a, e) in enumerate(zip(shards, expected[1], strict=True)):
        if not isinstance(a, tuple) or len(a) != 3:
            return f"shards[{r}] must be a tuple (dW1_r, db1_r, dW2_r)"
        for name, x, w in zip(("dW1", "db1", "dW2"), a, e, strict=True):
            why = _part(x, w, f"rank {r}'s {name}", args)
            if why:
                return why
    return None


checker = custom(_check_forward)
backward_check = custom(_check_backward)


def _layer(g, B, d, h, d_out, ws):
    x = g.normal(size=(B, d))
    W1 = g.normal(size=(h, d)) / np.sqrt(d)
    b1 = g.normal(size=h) * 0.5
    W2 = g.normal(size=(d_out, h)) / np.sqrt(h)
    b2 = g.normal(size=d_out)
    return x, W1, b1, W2, b2, ws


def _case(level, g, B, d, h, d_out, ws, note, name="", zero_row=False):
    args = _layer(g, B, d, h, d_out, ws)
    if zero_row:  # pre-activations exactly 0 where b1 is 0: relu'(0) must be 0
        args[0][0] = 0.0
        args[2][::2] = 0.0
    if level == 1:
        return Call(args, note=note, name=name)
    grad_y = g.normal(size=(B, d_out))
    return Call(args + (grad_y,), entry="tp_mlp_backward", check=backward_check, note=note, name=name)


def examples(level):
    g = np.random.default_rng(11)
    return [_case(level, g, 2, 3, 4, 3, 2, "two ranks, two hidden units each", name="d = 3, h = 4, two ranks")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        _case(level, g, 3, 5, 8, 4, 1, "one rank: the plain layer"),
        _case(level, g, 4, 6, 8, 5, 2, "two ranks: rank 0 owns units 0..3, rank 1 units 4..7"),
        _case(level, g, 5, 8, 12, 6, 4, "four ranks, three units each: contiguous blocks, not every 4th unit"),
        _case(level, g, 3, 4, 8, 4, 8, "one hidden unit per rank"),
        _case(level, g, 1, 7, 16, 3, 4, "a single row"),
        _case(level, g, 6, 5, 8, 7, 2, "b1 zero on even units and a zero input row: pre-activations exactly 0",
              zero_row=True),
        _case(level, g, 8, 10, 30, 10, 3, "d_out = d, three ranks of ten units"),
        _case(level, g, 64, 64, 256, 64, 16, "the largest layer: 16 ranks"),
    ]
    for _ in range(4):
        ws = rng.choice([1, 2, 3, 4, 6])
        cases.append(_case(level, g, rng.randint(1, 16), rng.randint(1, 20), ws * rng.randint(1, 8),
                           rng.randint(1, 20), ws, "random layer"))
    return cases
