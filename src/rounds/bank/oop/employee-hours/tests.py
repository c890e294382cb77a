"""Hidden tests for the hours register: fixed trap cases and random op streams."""

from rounds.testkit import Ops, op

IDS = ["ann", "bob", "cy", "Dee", "ann2", "al"]
POSITIONS = ["engineer", "manager", "designer"]


def examples(level):
    if level == 1:
        return [Ops([
            op("add_worker", "ann", "engineer", 30), op("add_worker", "ann", "manager", 50),
            op("register", 10, "ann"), op("time_in_office", "ann"), op("register", 25, "ann"),
            op("register", 30, "ann"), op("register", 30, "ann"), op("time_in_office", "ann"),
            op("register", 31, "bob"), op("get_position", "ann"),
        ], name="swipes and sessions")]
    if level == 2:
        return [Ops([
            op("add_worker", "cy", "engineer", 10), op("add_worker", "al", "engineer", 10),
            op("add_worker", "bo", "engineer", 10), op("add_worker", "di", "designer", 10),
            op("register", 0, "cy"), op("register", 1, "al"), op("register", 5, "cy"), op("register", 6, "al"),
            op("register", 7, "di"), op("register", 7, "bo"),
            op("top_workers", 3, "engineer"), op("top_workers", 3, "manager"), op("in_office"),
        ], name="rankings")]
    if level == 3:
        return [Ops([
            op("add_worker", "ann", "engineer", 10), op("register", 0, "ann"), op("promote", 5, "ann", "lead", 20),
            op("promote", 6, "ann", "manager", 99), op("get_position", "ann"), op("register", 10, "ann"),
            op("register", 20, "ann"), op("get_position", "ann"), op("register", 30, "ann"),
            op("salary", "ann", 5, 25), op("salary", "ann", 10, 20),
        ], name="a promotion waits for the next shift")]
    return [Ops([
        op("add_worker", "ann", "engineer", 10), op("add_worker", "ann2", "contractor", 7),
        op("register", 0, "ann"), op("register", 10, "ann"), op("register", 20, "ann2"), op("register", 30, "ann2"),
        op("set_double_pay", 5, 8), op("set_double_pay", 6, 25), op("salary", "ann", 0, 10),
        op("merge_workers", 40, "ann", "ann2"), op("salary", "ann", 0, 100), op("time_in_office", "ann"),
        op("get_position", "ann2"),
    ], name="double pay and a merge")]


def _add(*rows):
    return [op("add_worker", w, p, r) for w, p, r in rows]


def _level1_cases():
    return [
        Ops(_add(("ann", "eng", 5), ("bob", "eng", 5)) + [
            op("register", 1, "ann"), op("time_in_office", "ann"), op("register", 3, "bob"),
            op("time_in_office", "ann"), op("register", 4, "ann"), op("register", 10, "ann"),
            op("register", 11, "bob"), op("time_in_office", "ann"), op("register", 12, "ann"),
            op("time_in_office", "ann"), op("time_in_office", "bob"),
        ], note="an open session does not count until the worker leaves"),
        Ops(_add(("ann", "eng", 5)) + [
            op("register", 0, "bob"), op("time_in_office", "bob"), op("get_position", "bob"),
            op("add_worker", "bob", "ops", 3), op("register", 1, "bob"), op("register", 3, "bob"),
            op("time_in_office", "bob"), op("time_in_office", "ann"),
        ], note="unknown workers give None and a swipe by them records nothing"),
        Ops(_add(("ann", "eng", 5), ("ann", "mgr", 9)) + [
            op("get_position", "ann"), op("register", 2, "ann"), op("add_worker", "ann", "x", 1),
            op("register", 7, "ann"), op("time_in_office", "ann"),
        ], note="a duplicate add_worker changes nothing, even mid-session"),
        Ops(_add(("a", "eng", 1), ("b", "eng", 1)) + [
            op("register", 5, "a"), op("register", 5, "b"), op("register", 5, "a"), op("register", 9, "b"),
            op("register", 9, "a"), op("register", 9, "a"), op("time_in_office", "a"), op("time_in_office", "b"),
        ], note="zero-length sessions; workers are independent"),
    ]


def _level2_cases():
    return [
        Ops(_add(("bo", "eng", 1), ("al", "eng", 1), ("Zed", "eng", 1), ("cy", "eng", 1), ("di", "des", 1)) + [
            op("register", 0, "bo"), op("register", 4, "bo"), op("register", 5, "al"), op("register", 9, "al"),
            op("register", 10, "di"), op("register", 30, "di"),
            op("top_workers", 10, "eng"), op("top_workers", 2, "eng"), op("top_workers", 5, "des"),
            op("top_workers", 5, "Eng"),
        ], note="time descending, then id ascending in plain string order; zero times included"),
        Ops(_add(("bo", "eng", 1), ("al", "eng", 1), ("cy", "eng", 1)) + [
            op("in_office"), op("register", 3, "cy"), op("register", 3, "al"), op("register", 4, "bo"),
            op("in_office"), op("register", 5, "al"), op("register", 6, "al"), op("in_office"),
        ], note="in_office: by the time they came in, then id; a new swipe-in updates the time"),
        Ops(_add(("a", "eng", 1)) + [
            op("register", 0, "a"), op("register", 100, "a"), op("register", 101, "a"),
            op("top_workers", 1, "eng"),
        ], note="an open session is not in the ranking yet"),
    ]


def _level3_cases():
    return [
        Ops(_add(("ann", "eng", 10)) + [
            op("promote", 0, "ann", "lead", 20), op("get_position", "ann"), op("top_workers", 5, "lead"),
            op("register", 1, "ann"), op("get_position", "ann"), op("register", 3, "ann"),
            op("salary", "ann", 0, 100), op("top_workers", 5, "lead"), op("top_workers", 5, "eng"),
        ], note="a promotion is pending until the next swipe in"),
        Ops(_add(("ann", "eng", 10)) + [
            op("register", 0, "ann"), op("promote", 2, "ann", "lead", 20), op("register", 10, "ann"),
            op("salary", "ann", 0, 10), op("get_position", "ann"), op("register", 10, "ann"),
            op("register", 12, "ann"), op("salary", "ann", 0, 100),
        ], note="the session in progress is paid at the old rate"),
        Ops(_add(("ann", "eng", 10)) + [
            op("promote", 0, "ann", "lead", 20), op("promote", 0, "ann", "vp", 90), op("promote", 1, "zz", "x", 1),
            op("register", 2, "ann"), op("get_position", "ann"), op("promote", 3, "ann", "vp", 90),
            op("register", 4, "ann"), op("register", 5, "ann"), op("register", 6, "ann"),
            op("get_position", "ann"), op("salary", "ann", 0, 10),
        ], note="one pending promotion at a time; a second is refused, not merged or replaced"),
        Ops(_add(("ann", "eng", 3)) + [
            op("register", 10, "ann"), op("register", 20, "ann"), op("register", 30, "ann"), op("register", 40, "ann"),
            op("salary", "ann", 15, 35), op("salary", "ann", 0, 10), op("salary", "ann", 20, 30),
            op("salary", "ann", 12, 12), op("salary", "ann", 19, 31), op("salary", "ann", 40, 50),
            op("salary", "nobody", 0, 10),
        ], note="salary counts only the part of each session inside [start, end)"),
        Ops(_add(("ann", "eng", 3)) + [
            op("register", 10, "ann"), op("salary", "ann", 0, 100), op("register", 20, "ann"),
            op("register", 25, "ann"), op("salary", "ann", 0, 100),
        ], note="open sessions are not paid yet"),
    ]


def _level4_cases():
    return [
        Ops([
            op("set_double_pay", 10, 20), op("set_double_pay", 15, 25), op("set_double_pay", 25, 30),
            op("set_double_pay", 0, 5), op("set_double_pay", 12, 14), op("set_double_pay", 0, 40),
        ], note="overlapping and touching periods count once"),
        Ops(_add(("ann", "eng", 10)) + [
            op("register", 0, "ann"), op("register", 30, "ann"), op("set_double_pay", 10, 20),
            op("set_double_pay", 15, 25), op("salary", "ann", 0, 30), op("salary", "ann", 12, 22),
            op("set_double_pay", 0, 1), op("salary", "ann", 0, 30),
        ], note="a unit covered by two periods is paid double, not triple; periods apply to past sessions"),
        Ops(_add(("ann", "eng", 10), ("ann2", "ctr", 7)) + [
            op("register", 0, "ann2"), op("promote", 1, "ann2", "lead", 50), op("register", 5, "ann2"),
            op("register", 6, "ann2"), op("register", 8, "ann2"), op("register", 10, "ann"), op("register", 12, "ann"),
            op("merge_workers", 20, "ann", "ann2"), op("salary", "ann", 0, 100), op("time_in_office", "ann"),
            op("get_position", "ann"), op("top_workers", 5, "eng"), op("time_in_office", "ann2"),
            op("register", 21, "ann2"),
        ], note="a merge keeps every session at the rate it was paid; the source disappears"),
        Ops(_add(("a", "eng", 1), ("b", "eng", 1)) + [
            op("register", 0, "a"), op("merge_workers", 1, "a", "b"), op("merge_workers", 1, "b", "a"),
            op("register", 2, "a"), op("merge_workers", 3, "a", "a"), op("merge_workers", 3, "a", "zz"),
            op("merge_workers", 3, "zz", "a"), op("time_in_office", "b"), op("register", 4, "b"),
            op("merge_workers", 5, "a", "b"),
        ], note="refused while either worker is inside, for equal ids and for unknown ids"),
        Ops(_add(("a", "eng", 2), ("b", "des", 3)) + [
            op("promote", 0, "a", "lead", 4), op("promote", 0, "b", "vp", 9), op("register", 1, "b"),
            op("register", 2, "b"), op("merge_workers", 3, "a", "b"), op("add_worker", "b", "new", 1),
            op("time_in_office", "b"), op("register", 4, "a"), op("register", 6, "a"), op("get_position", "a"),
            op("salary", "a", 0, 10), op("promote", 7, "a", "x", 1),
        ], note="the target keeps its pending promotion; the source id can be reused"),
    ]


_KINDS = {
    "register": (1, 40), "time_in_office": (1, 8), "get_position": (1, 5), "add_worker": (1, 4),
    "top_workers": (2, 6), "in_office": (2, 4), "promote": (3, 7), "salary": (3, 9),
    "set_double_pay": (4, 4), "merge_workers": (4, 4),
}


def _stream(rng, level, steps):
    kinds = [k for k, (lv, _) in _KINDS.items() if lv <= level]
    weights = [_KINDS[k][1] for k in kinds]
    ids = rng.sample(IDS, 5)
    ops = _add(*[(w, rng.choice(POSITIONS), rng.randint(1, 9)) for w in ids[:4]])
    ts = rng.randint(0, 3)
    for _ in range(steps):
        ts += rng.choice((0, 1, 1, 2, 3, 5))
        kind = rng.choices(kinds, weights)[0]
        w = rng.choice(ids)
        if kind == "register":
            ops.append(op("register", ts, w))
        elif kind in ("time_in_office", "get_position"):
            ops.append(op(kind, w))
        elif kind == "add_worker":
            ops.append(op("add_worker", w, rng.choice(POSITIONS), rng.randint(1, 9)))
        elif kind == "top_workers":
            ops.append(op("top_workers", rng.randint(1, 4), rng.choice(POSITIONS)))
        elif kind == "in_office":
            ops.append(op("in_office"))
        elif kind == "promote":
            ops.append(op("promote", ts, w, rng.choice(POSITIONS), rng.randint(1, 9)))
        elif kind == "salary":
            a = rng.randint(0, ts + 5)
            ops.append(op("salary", w, a, a + rng.randint(0, 40)))
        elif kind == "set_double_pay":
            a = rng.randint(0, ts + 20)
            ops.append(op("set_double_pay", a, a + rng.randint(1, 15)))
        else:
            ops.append(op("merge_workers", ts, w, rng.choice(ids)))
    return Ops(ops, shrink=True, note="random stream")


def hidden(level, rng):
    cases = {1: _level1_cases, 2: _level2_cases, 3: _level3_cases, 4: _level4_cases}[level]()
    n_random = {1: 6, 2: 6, 3: 8, 4: 8}[level]
    cases += [_stream(rng, level, rng.randint(40, 120)) for _ in range(n_random)]
    return cases
