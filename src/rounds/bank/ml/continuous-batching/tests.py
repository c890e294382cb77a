"""Schedules of the continuous-batching simulator, checked exactly.

The project's tests compare the reference with a plain step-by-step simulation on small inputs.
Cases target the order of events inside a step (a finished request's slot is free at the next
step, not the same one), head-of-line blocking, rejection of requests that can never fit, the KV
reservation of prompt plus output, unsorted arrivals, and a run of more than a million steps.
"""

import random

from rounds.testkit import Call

inputs_unchanged = True


def _c(reqs, B, cap, note, name=""):
    return Call(([tuple(r) for r in reqs], B, cap), note=note, name=name)


def examples(level):
    return [_c([(0, 3, 3), (0, 3, 2), (1, 2, 1), (1, 9, 4)], 2, 12,
               "slots free up one step after the last token; request 3 can never fit", name="four requests")]


def _random(r, n, max_arrival, max_prompt, max_out, B, cap):
    return [(r.randint(0, max_arrival), r.randint(1, max_prompt), r.randint(1, max_out)) for _ in range(n)]


def hidden(level, rng):
    r = random.Random(rng.randrange(2**32))
    cases = [
        _c([(5, 1, 1)], 1, 10, "one request arriving at step 5: it starts at 5"),
        _c([(0, 1, 3), (0, 1, 2)], 1, 100, "one slot: the second request starts the step after the first finishes"),
        _c([(0, 5, 5), (0, 2, 2), (0, 1, 1)], 3, 10,
           "the KV reservation is prompt plus output: the second request does not fit beside the first"),
        _c([(0, 2, 4), (1, 9, 1), (1, 1, 1)], 4, 10,
           "head-of-line blocking: request 2 would fit but must wait behind request 1"),
        _c([(0, 1, 2), (0, 20, 20), (1, 1, 1)], 2, 10, "a request that can never fit is rejected and blocks nobody"),
        _c([(7, 1, 1), (3, 1, 2), (3, 1, 1), (0, 2, 2)], 1, 10, "unsorted arrivals: first come, first served, "
           "ties by index"),
        _c([(0, 1, 1)] * 5, 5, 10, "five one-token requests at once"),
        _c([(0, 1, 1), (10**6, 1, 10**4)], 1, 10**5, "a gap of a million idle steps"),
        _c(_random(r, 10**4, 10**6, 500, 10**4, 256, 10**6), 256, 10**6,
           "10000 requests over a million steps"),
    ]
    for _ in range(4):
        cases.append(_c(_random(r, r.randint(1, 20), 15, 6, 6, 0, 0), r.randint(1, 4), r.randint(3, 15),
                        "random requests"))
    return cases
