"""Streams of EMA updates with probes of the shadow, the count and the decay used.

With warm-up the decay (1 + t) / (10 + t) passes 0.9 at t = 80 and 0.99 at t = 890; streams long
enough to cross the cap of a small decay show whether the cap is applied.
"""

import numpy as np

from rounds.testkit import Ops, custom, floats, op

# The contract: the arrays passed in are not modified. In a stream they arrive read-only, so a
# write into one (at any step, into the constructor's arrays too) fails the step that made it.
inputs_unchanged = True

_arr = floats(atol=1e-12, rtol=1e-9, dtype="float64")


def _step_check(actual, expected, args):
    if expected is None:
        return None if actual is None else "last_decay() must be None before the first update"
    if isinstance(expected, list):
        o = _arr(actual, expected, args)
        return None if o.ok else o.message
    if isinstance(expected, int):
        return None if type(actual) is int and actual == expected else "wrong number of updates"
    if not isinstance(actual, float) or abs(actual - expected) > 1e-15:
        return "wrong decay"
    return None


step_checker = custom(_step_check)


def stream(seed, shapes, n, decay, warmup, note, probe_every=1, drift=0.1):
    g = np.random.default_rng(seed)
    params = [g.normal(size=s) for s in shapes]
    ops = [op("last_decay"), op("averaged")]
    cur = [p.copy() for p in params]
    for i in range(n):
        cur = [c + drift * g.normal(size=c.shape) for c in cur]  # what an optimiser would do
        ops.append(op("update", [c.copy() for c in cur]))
        if (i + 1) % probe_every == 0 or i == n - 1:
            ops += [op("averaged"), op("num_updates"), op("last_decay")]
    return Ops(ops, init=(params, decay, warmup), note=note)


def examples(level):
    ops = [op("update", [np.array([1.0, 0.0])]), op("averaged"), op("last_decay")]
    return [Ops(ops, init=([np.array([0.0, 10.0])], 0.9), name="one update",
                note="t = 1: the warm-up decay 2/11 is below 0.9")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    cases = [
        stream(s(), [(3,)], 1, 0.999, True, "the first update: d = 2/11, the shadow moves most of the way"),
        stream(s(), [(3,)], 5, 0.999, False, "no warm-up: d = decay from the first update"),
        stream(s(), [(2, 2), (5,)], 100, 0.9, True, "decay 0.9: the warm-up reaches it at t = 80 and is capped",
               probe_every=10),
        stream(s(), [(4,)], 20, 0.5, True, "decay 0.5: the warm-up value until t = 7, the cap from t = 8 on",
               probe_every=2),
        stream(s(), [(), (3, 3)], 12, 0.99, True, "a 0-d parameter and a matrix", probe_every=3),
        stream(s(), [(1000,), (10, 10)], 300, 0.999, True, "300 updates", probe_every=50),
        stream(s(), [(6,)], 30, 0.0, False, "decay 0: the shadow equals the latest weights", probe_every=5),
    ]
    for _ in range(3):
        cases.append(stream(s(), [(rng.randint(1, 5),)], rng.randint(1, 60), rng.choice([0.5, 0.9, 0.99]),
                            rng.choice([True, False]), "random stream", probe_every=rng.randint(1, 7)))
    return cases
