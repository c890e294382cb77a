"""1F1B orders (exact) and schedule simulations (exact start times, makespan and peaks).

Level 2 runs GPipe and 1F1B orders, with forward and backward times that differ, so a wrong
dependency (or a stage that runs two operations at once) shifts the start times.
"""

from rounds.testkit import Call


def _order(S, M, s):
    w = min(S - 1 - s, M)
    ops = [f"F{m}" for m in range(w)]
    for i in range(M - w):
        ops += [f"F{w + i}", f"B{i}"]
    return ops + [f"B{m}" for m in range(M - w, M)]


def _gpipe(S, M):
    return [[f"F{m}" for m in range(M)] + [f"B{m}" for m in range(M)] for _ in range(S)]


def _ofob(S, M):
    return [_order(S, M, s) for s in range(S)]


def _o(S, M, s, note, name=""):
    return Call((S, M, s), note=note, name=name)


def _sim(orders, tf, tb, note, name=""):
    return Call((orders, tf, tb), entry="simulate", note=note, name=name)


def examples(level):
    if level == 1:
        return [_o(4, 6, 0, "stage 0 warms up with three forwards", name="first stage"),
                _o(4, 6, 3, "the last stage alternates from the start", name="last stage")]
    return [_sim(_ofob(2, 2), 1, 2, "two stages, two micro-batches, backward twice as slow", name="1F1B, S = 2")]


def hidden(level, rng):
    if level == 1:
        cases = [
            _o(1, 3, 0, "one stage: F, B, F, B, ..."),
            _o(4, 2, 0, "fewer micro-batches than the warm-up: capped at M"),
            _o(4, 8, 1, "a middle stage: two warm-up forwards"),
            _o(8, 8, 7, "the last stage has no warm-up"),
            _o(8, 3, 5, "M = 3 < S - 1 - stage + 1"),
            _o(64, 512, 10, "64 stages, 512 micro-batches: numbers with several digits"),
        ]
        for _ in range(3):
            S = rng.randint(1, 10)
            cases.append(_o(S, rng.randint(1, 12), rng.randrange(S), "random stage"))
        return cases
    cases = [
        _sim(_ofob(1, 3), 2, 3, "one stage: everything in sequence"),
        _sim(_gpipe(4, 4), 1, 2, "GPipe: every stage holds all four micro-batches"),
        _sim(_ofob(4, 4), 1, 2, "1F1B: the same makespan, stage s holds S - s"),
        _sim(_ofob(4, 8), 2, 3, "1F1B with more micro-batches than stages"),
        _sim(_gpipe(3, 5), 3, 1, "backward faster than forward"),
        _sim(_ofob(16, 64), 1, 2, "16 stages, 64 micro-batches"),
    ]
    for _ in range(3):
        S, M = rng.randint(1, 6), rng.randint(1, 8)
        orders = _ofob(S, M) if rng.random() < 0.5 else _gpipe(S, M)
        cases.append(_sim(orders, rng.randint(1, 3), rng.randint(1, 4), "random schedule"))
    return cases
