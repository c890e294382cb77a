"""Dispatch plans and the simulated all-to-all, checked exactly (dtypes included).

Large ranks with few experts create many tied expert ids, where only a stable sort keeps the
original order; ranks with no tokens, ranks that receive nothing, and several experts per rank
test the layout.
"""

import numpy as np

from rounds.testkit import Call, custom

inputs_unchanged = True


def _same(a, e, what):
    if not isinstance(a, np.ndarray):
        return f"{what} is a {type(a).__name__}, expected a numpy array"
    if a.dtype != e.dtype:
        return f"{what} has dtype {a.dtype}, expected {e.dtype}"
    if a.shape != e.shape:
        return f"{what} has shape {a.shape}, expected {e.shape}"
    bad = np.argwhere(a != e)
    if bad.size:
        return f"{what} differs at {len(bad)} positions, first at index {tuple(int(i) for i in bad[0])}"
    return None


def _check_pair(names):
    def check(actual, expected, args):
        if not isinstance(actual, tuple) or len(actual) != 2:
            return f"return a tuple ({', '.join(names)})"
        first, second = actual
        if isinstance(expected[0], np.ndarray):
            why = _same(first, expected[0], names[0])
            if why:
                return why
            lists = [(names[1], second, expected[1])]
        else:
            lists = [(names[0], first, expected[0]), (names[1], second, expected[1])]
        for name, got, want in lists:
            if not isinstance(got, list) or len(got) != len(want):
                return f"{name} must be a list of {len(want)} arrays, one per rank"
            for r, (a, e) in enumerate(zip(got, want, strict=True)):
                why = _same(a, e, f"{name}[{r}]")
                if why:
                    return why
        return None

    return custom(check)


checker = _check_pair(("send_counts", "orders"))
a2a_check = _check_pair(("received", "received_experts"))


def _ids(g, sizes, E):
    return [g.integers(0, E, size=n).astype(np.int64) for n in sizes]


def _plan(ids, E, R, note, name=""):
    return Call((ids, E, R), note=note, name=name)


def _a2a(g, ids, E, R, d, note, name=""):
    feats = [g.normal(size=(len(x), d)) for x in ids]
    return Call((feats, ids, E, R), entry="all_to_all", check=a2a_check, note=note, name=name)


def examples(level):
    ids = [np.array([3, 0, 2, 0], dtype=np.int64), np.array([1, 1, 3], dtype=np.int64)]
    if level == 1:
        return [_plan(ids, 4, 2, "two ranks with two experts each", name="seven tokens")]
    g = np.random.default_rng(4)
    return [_a2a(g, ids, 4, 2, 2, "rank 0 receives its own chunk first, then rank 1's", name="seven tokens")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases_spec = [
        ([5], 4, 1, "one rank: everything stays local, sorted by expert"),
        ([4, 0, 3], 3, 3, "a rank with no tokens sends nothing"),
        ([6, 6], 8, 2, "four experts per rank: contiguous blocks, not round-robin"),
        ([3, 3, 3, 3], 8, 4, "ranks that receive nothing get empty arrays"),
        ([100000, 50000], 8, 2, "100000 tokens over 8 experts: equal expert ids keep their order"),
    ]
    cases = []
    for sizes, E, R, note in cases_spec:
        ids = _ids(g, sizes, E)
        if note.startswith("ranks that receive"):
            ids = [x % 4 for x in ids]  # only experts 0..3: ranks 2 and 3 receive nothing
        cases.append(_plan(ids, E, R, note) if level == 1 else _a2a(g, ids, E, R, 3, note))
    for _ in range(3):
        R = rng.choice([1, 2, 4])
        E = R * rng.randint(1, 4)
        ids = _ids(g, [rng.randint(0, 30) for _ in range(R)], E)
        cases.append(_plan(ids, E, R, "random routing") if level == 1 else _a2a(g, ids, E, R, 2, "random routing"))
    return cases
