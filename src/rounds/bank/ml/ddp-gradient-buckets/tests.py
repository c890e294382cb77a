"""Bucket assignment (exact) and the in-order launch simulation with averaged gradients.

Readiness orders are generated as the reversed registration order with local swaps (what autograd
produces for shared parameters and branches), plus adversarial ones where the first bucket
completes last.
"""

import random

import numpy as np

from rounds.testkit import Call, custom, exact, floats

inputs_unchanged = True
checker = exact()
_avg = floats(atol=1e-12, rtol=1e-9, dtype="float64")


def _check_reduce(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (averaged, launched_at)"
    avg, launched = actual
    if not isinstance(launched, list) or not all(type(x) is int for x in launched):
        return "launched_at must be a list of Python ints"
    if launched != expected[1]:
        bad = next((i for i, (a, e) in enumerate(zip(launched, expected[1])) if a != e), None)
        if len(launched) != len(expected[1]):
            return f"launched_at has {len(launched)} entries, one per bucket expected ({len(expected[1])})"
        return f"bucket {bad} is launched at the wrong moment (got {launched[bad]})"
    o = _avg(avg, expected[0], args)
    return None if o.ok else f"averaged: {o.message}"


reduce_check = custom(_check_reduce)


def _assign(sizes, cap, first, note, name=""):
    return Call((list(sizes), cap, first), note=note, name=name)


def _buckets(sizes, cap, first):
    out, cur, s, c = [], [], 0, first
    for i in reversed(range(len(sizes))):
        cur.append(i)
        s += sizes[i]
        if s >= c:
            out.append(cur)
            cur, s, c = [], 0, cap
    return out + ([cur] if cur else [])


def _reduce(g, r, sizes, cap, first, R, note, order="swaps", name=""):
    P = len(sizes)
    grads = [[g.normal(size=(max(1, sizes[i] // 4),)) for i in range(P)] for _ in range(R)]
    buckets = _buckets(sizes, cap, first)
    ready = list(reversed(range(P)))
    if order == "swaps":
        for _ in range(P // 3):
            k = r.randrange(max(P - 1, 1))
            if k + 1 < P:
                ready[k], ready[k + 1] = ready[k + 1], ready[k]
    elif order == "first_last":
        ready = [p for p in ready if p not in buckets[0]] + list(buckets[0])
    elif order == "shuffled":
        r.shuffle(ready)
    return Call((grads, buckets, ready), entry="reduce_buckets", check=reduce_check, note=note, name=name)


def examples(level):
    if level == 1:
        return [_assign([4, 8, 2, 2, 6, 1], 10, 3, "reverse order; a bucket closes once it reaches its cap",
                        name="six parameters")]
    g = np.random.default_rng(1)
    grads = [[g.normal(size=(2,)) for _ in range(6)] for _ in range(2)]
    return [Call((grads, [[5, 4], [3, 2, 1], [0]], [5, 3, 2, 1, 4, 0]), entry="reduce_buckets", check=reduce_check,
                 name="bucket 1 waits for bucket 0", note="buckets 0 and 1 launch together after the 5th gradient")]


def hidden(level, rng):
    r = random.Random(rng.randrange(2**32))
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = [
            _assign([5], 10, 10, "one parameter below the cap: one unfilled bucket"),
            _assign([3, 3, 4], 10, 10, "a total exactly equal to the cap closes the bucket"),
            _assign([30, 2, 50, 1], 10, 10, "parameters larger than the cap: never split"),
            _assign([1, 1, 1, 1, 1, 1, 1], 3, 1, "a first bucket of cap 1 holds only the last parameter"),
            _assign([2, 2, 2, 2], 100, 100, "everything fits in the first bucket"),
            _assign([1] * 9 + [9], 5, 4, "the last parameter alone fills the first bucket"),
            _assign([r.randint(1, 10**6) for _ in range(10**5)], 25 * 2**20, 2**20,
                    "100000 parameters, 25 MB buckets after a 1 MB first bucket"),
        ]
        for _ in range(4):
            n = r.randint(1, 30)
            cases.append(_assign([r.randint(1, 20) for _ in range(n)], r.randint(1, 40), r.randint(1, 40),
                                 "random sizes"))
        return cases
    cases = [
        _reduce(g, r, [8, 8, 8, 8], 16, 16, 1, "one rank: the average is the gradient itself", order="reversed"),
        _reduce(g, r, [4, 8, 4, 8, 4, 8], 12, 4, 3, "gradients in exactly reversed order: each bucket launches "
                "when its last gradient arrives", order="reversed"),
        _reduce(g, r, [4, 8, 4, 8, 4, 8], 12, 4, 2, "the first bucket completes last: every launch waits for it",
                order="first_last"),
        _reduce(g, r, [r.randint(1, 40) for _ in range(40)], 60, 20, 4, "swapped neighbours in the ready order"),
        _reduce(g, r, [r.randint(1, 40) for _ in range(30)], 50, 10, 3, "a shuffled ready order: several buckets "
                "launch on the same gradient", order="shuffled"),
        _reduce(g, r, [r.randint(4, 64) for _ in range(1000)], 2000, 500, 4, "1000 parameters over 4 ranks"),
    ]
    for _ in range(3):
        n = r.randint(1, 25)
        cases.append(_reduce(g, r, [r.randint(1, 30) for _ in range(n)], r.randint(5, 60), r.randint(5, 60),
                             r.randint(1, 4), "random backward", order=r.choice(["swaps", "shuffled", "reversed"])))
    return cases
