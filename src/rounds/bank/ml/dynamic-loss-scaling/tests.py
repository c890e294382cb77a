"""Streams for the loss-scaled SGD: steps with gradients of chosen sizes, probes of the scale and
the master weights between them.

Gradient sizes are chosen so that each stream exercises one thing: overflow at the default scale,
float16 underflow at a small scale, the rounding of scaled gradients to float16 (visible with
lr = 1), growth after exactly growth_interval good steps, and the reset of that count by an
overflow.
"""

import numpy as np

from rounds.testkit import Ops, custom, floats, op

# The contract: the arrays passed in are not modified. In a stream they arrive read-only, so a
# write into one (at any step, into the constructor's arrays too) fails the step that made it.
inputs_unchanged = True

_weights = floats(atol=1e-7, rtol=1e-6, dtype="float32")


def _step_check(actual, expected, args):
    if isinstance(expected, bool):
        if type(actual) is not bool and not isinstance(actual, np.bool_):
            return f"step must return a bool, got {type(actual).__name__}"
        return None if bool(actual) == expected else (
            "the step was applied but must be skipped" if actual else "the step was skipped but must be applied")
    if isinstance(expected, float):
        if not isinstance(actual, float | int) or isinstance(actual, bool):
            return f"scale() must return a float, got {type(actual).__name__}"
        return None if float(actual) == expected else "not the expected scale"
    return _weights(actual, expected, args)


step_checker = custom(_step_check)


def _params(g, shapes, scale=1.0):
    return [(g.normal(size=s) * scale).astype(np.float32) for s in shapes]


def _grads(g, shapes, size):
    return [g.normal(size=s) * size for s in shapes]


def stream(g, shapes, sizes, note, lr=0.1, init_scale=65536.0, growth=2.0, backoff=0.5, interval=2000,
           probe_every=1, nan_at=(), second_only=(), param_scale=1.0):
    """sizes[i] is the typical magnitude of step i's gradients."""
    ops = []
    for i, size in enumerate(sizes):
        grads = _grads(g, shapes, size)
        if i in nan_at:
            grads[-1].flat[0] = np.nan
        if i in second_only:  # only the last parameter's gradient is huge
            grads = [x / size * 1e-3 for x in grads[:-1]] + [grads[-1]]
        ops.append(op("step", grads))
        if (i + 1) % probe_every == 0 or i == len(sizes) - 1:
            ops.append(op("scale"))
            ops.append(op("params"))
    return Ops(ops, init=(_params(g, shapes, param_scale), lr, init_scale, growth, backoff, interval), note=note)


def examples(level):
    p = [np.array([1.0, 2.0], dtype=np.float32)]
    g = [np.array([0.25, -0.5])]
    ops = [op("step", g), op("step", [x.copy() for x in g]), op("scale"),
           op("step", [np.array([100.0, 0.0])]), op("scale"), op("params")]
    return [Ops(ops, init=(p, 0.5, 1024.0, 2.0, 0.5, 2), name="grow, then overflow",
                note="two good steps double the scale; an overflow halves it and skips the update")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        stream(g, [(6,)], [1.0] * 8,
               "the default scale 65536 with unit-size gradients: steps are skipped and the scale halves until "
               "the scaled gradients fit in float16"),
        stream(g, [(5,), (3, 2)], [0.01] * 6, "NaN in one gradient: the step is skipped like an overflow",
               init_scale=128.0, nan_at=(2, 3)),
        stream(g, [(4,), (8,)], [1e3] * 4,
               "only the second parameter overflows: check every gradient before updating any weight",
               init_scale=256.0, second_only=(0, 1, 2, 3)),
        stream(g, [(10,)], [0.05] * 10, "growth_interval 3: the scale doubles after exactly three good steps",
               init_scale=256.0, interval=3),
        stream(g, [(10,)], [0.05, 0.05, 1e4, 0.05, 0.05, 0.05, 0.05],
               "an overflow resets the count of good steps", init_scale=256.0, interval=3),
        stream(g, [(20,)], [1e-8] * 3 + [1e-6] * 3, "scale 1: gradients of 1e-8 underflow to zero in float16 "
               "and those of 1e-6 keep only a few bits", init_scale=1.0, interval=100, lr=100.0, param_scale=1e-4),
        stream(g, [(50,)], [0.3] * 5, "lr = 1: the update is the float16-rounded gradient, unscaled",
               init_scale=64.0, interval=100, lr=1.0),
        stream(g, [(8,)], [0.5] * 12, "growth_interval 1: the scale doubles after every good step until it "
               "overflows, then oscillates", init_scale=1024.0, interval=1),
        stream(g, [(6,)], [0.1] * 6, "growth factor 4 and backoff 1/4", init_scale=2.0**14, growth=4.0,
               backoff=0.25, interval=2),
    ]
    for _ in range(3):
        shapes = [tuple(rng.randint(1, 6) for _ in range(rng.randint(1, 2))) for _ in range(rng.randint(1, 4))]
        sizes = [rng.choice([1e-3, 1e-2, 0.1, 1.0, 1e3]) for _ in range(rng.randint(10, 60))]
        cases.append(stream(g, shapes, sizes, "random stream", lr=rng.choice([0.01, 0.1, 1.0]),
                            init_scale=2.0 ** rng.randint(4, 16), interval=rng.randint(1, 6),
                            probe_every=rng.randint(1, 4)))
    return cases
