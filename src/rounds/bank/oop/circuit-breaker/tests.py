"""Hidden tests for the circuit breakers: fixed trap cases and random op streams."""

from rounds.testkit import Ops, op

SERVICES = ["api", "db", "cache", "auth", "search"]


def examples(level):
    if level == 1:
        return [Ops([
            op("add_service", "db"),
            op("record", 1, "db", False), op("record", 2, "db", True), op("record", 3, "db", False),
            op("record", 4, "db", False), op("allow", 5, "db"), op("record", 6, "db", False),
            op("state", 14, "db"), op("allow", 14, "db"), op("allow", 15, "db"),
            op("record", 16, "db", True), op("allow", 17, "cache"),
        ], init=(2, 10), name="trip, cool down, trial")]
    if level == 2:
        return [Ops([
            op("add_service", "db"), op("add_service", "api"), op("add_service", "cache"),
            op("record", 0, "db", False), op("record", 2, "api", False), op("allow", 3, "db"),
            op("record", 4, "db", False), op("open_services", 5), op("open_services", 10),
            op("top_failing", 5), op("top_rejected", 5),
        ], init=(1, 10), name="health page")]
    if level == 3:
        return [Ops([
            op("add_service", "api"), op("set_rate_policy", "api", 5, 4, 50),
            op("record", 1, "api", False), op("record", 2, "api", True), op("record", 3, "api", True),
            op("record", 6, "api", True), op("record", 7, "api", False), op("record", 7, "api", False),
        ], init=(100, 10), name="failure rate over a window")]
    return [Ops([
        op("add_service", "db"), op("record", 4, "db", False), op("force_open", 30, "db"),
        op("allow", 100, "db"), op("release", 120, "db"), op("release", 121, "db"),
        op("history", 121, "db"), op("history", 121, "web"),
    ], init=(1, 10), name="force open, release, history")]


def _svc(*names):
    return [op("add_service", s) for s in names]


def _level1_cases():
    return [
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("record", 1, "db", False), op("record", 2, "db", True),
            op("record", 3, "db", False), op("record", 4, "db", False), op("record", 5, "db", True),
            op("record", 6, "db", False), op("record", 7, "db", False), op("record", 8, "db", False),
        ], init=(3, 10), note="only consecutive failures count: a success resets the count"),
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("state", 9, "db"), op("allow", 9, "db"),
            op("state", 10, "db"), op("allow", 10, "db"),
        ], init=(1, 10), note="at exactly opened time + cooldown the breaker is half-open"),
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("allow", 5, "db"), op("allow", 5, "db"),
            op("allow", 5, "db"), op("allow", 6, "db"), op("record", 7, "db", True), op("allow", 8, "db"),
        ], init=(1, 5), note="half-open admits exactly one trial call"),
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("record", 1, "db", False), op("record", 4, "db", False),
            op("state", 5, "db"), op("allow", 5, "db"),
        ], init=(1, 5), note="failures recorded while open are late responses: the cooldown is not extended"),
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("record", 1, "db", False), op("allow", 6, "db"),
            op("record", 7, "db", False), op("allow", 8, "db"), op("state", 11, "db"), op("allow", 12, "db"),
            op("record", 12, "db", True), op("record", 13, "db", False), op("state", 13, "db"),
            op("record", 14, "db", False), op("state", 14, "db"),
        ], init=(2, 5), note="a failed trial reopens with a new cooldown; closing starts a fresh count"),
        Ops(_svc("db") + [
            op("allow", 0, "x"), op("record", 0, "x", True), op("state", 0, "x"), op("add_service", "db"),
            op("record", 1, "db", False), op("add_service", "db"), op("state", 2, "db"), op("add_service", "x"),
            op("state", 3, "x"),
        ], init=(1, 100), note="unknown services give None, not False; a duplicate add changes nothing"),
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("record", 20, "db", False), op("state", 20, "db"),
            op("record", 25, "db", True), op("state", 25, "db"),
        ], init=(1, 10), note="an outcome recorded once half-open decides, even without a trial call"),
        Ops(_svc("a", "b") + [
            op("record", 0, "a", False), op("record", 0, "a", False), op("allow", 0, "b"),
            op("record", 1, "b", False), op("state", 1, "a"), op("state", 1, "b"),
            op("record", 1_000_000, "a", True), op("state", 1_000_001, "a"),
        ], init=(2, 1_000_000), note="breakers are independent; a large cooldown"),
        Ops(_svc("a", "b", "c") + [
            op("record", 0, "a", False), op("record", 1, "b", False), op("record", 2, "c", False),
            op("record", 3, "a", True), op("record", 4, "b", False), op("state", 5, "a"), op("state", 5, "c"),
        ], init=(2, 10), note="consecutive failures are counted per service, not across services"),
    ]


def _level2_cases():
    return [
        Ops(_svc("db", "api", "cache", "auth") + [
            op("record", 0, "db", False), op("record", 0, "auth", False), op("record", 3, "api", False),
            op("record", 3, "cache", False), op("open_services", 4), op("open_services", 12),
            op("open_services", 13), op("open_services", 40),
        ], init=(1, 10), note="sorted by half-open time, then by name"),
        Ops(_svc("db", "api") + [
            op("record", 0, "db", False), op("record", 1, "api", False), op("open_services", 9),
            op("open_services", 10), op("open_services", 11), op("allow", 11, "db"), op("record", 11, "db", False),
            op("open_services", 11),
        ], init=(1, 10), note="a breaker past its cooldown is half-open even if nobody touched it"),
        Ops(_svc("db", "api", "cache") + [
            op("record", 0, "db", False), op("record", 1, "db", False), op("record", 2, "db", False),
            op("record", 2, "api", False), op("record", 3, "api", True), op("record", 4, "cache", True),
            op("top_failing", 5), op("top_failing", 1),
        ], init=(1, 100), note="every recorded failure counts, also those an open breaker ignores"),
        Ops(_svc("zeta", "alpha", "mid") + [
            op("record", 0, "zeta", False), op("record", 0, "alpha", False), op("allow", 1, "zeta"),
            op("allow", 1, "alpha"), op("allow", 1, "mid"), op("allow", 1, "ghost"), op("top_rejected", 5),
            op("top_failing", 5), op("top_rejected", 1),
        ], init=(1, 100), note="ties by name ascending; unknown services and True answers are not rejections"),
        Ops(_svc("db") + [
            op("top_failing", 3), op("top_rejected", 3), op("open_services", 0),
        ], init=(1, 10), note="empty dashboards are []"),
    ]


def _level3_cases():
    return [
        Ops(_svc("api") + [
            op("set_rate_policy", "api", 10, 4, 50), op("record", 0, "api", False), op("record", 1, "api", False),
            op("record", 2, "api", False), op("state", 2, "api"), op("record", 3, "api", True),
        ], init=(2, 10), note="the rule replaces consecutive failures; a success can complete the minimum"),
        Ops(_svc("api") + [
            op("set_rate_policy", "api", 5, 2, 100), op("record", 0, "api", False), op("record", 5, "api", False),
            op("record", 9, "api", False), op("state", 9, "api"),
        ], init=(100, 3), note="the window (t - window, t] is half-open"),
        Ops(_svc("a", "b", "c") + [
            op("set_rate_policy", "a", 100, 3, 34), op("set_rate_policy", "b", 100, 3, 33),
            op("set_rate_policy", "c", 100, 2, 50),
            op("record", 0, "a", True), op("record", 0, "b", True), op("record", 0, "c", True),
            op("record", 1, "a", True), op("record", 1, "b", True), op("record", 1, "c", False),
            op("record", 2, "a", False), op("record", 2, "b", False),
        ], init=(100, 3), note="fails * 100 >= pct * calls: 1 failure in 3 calls reaches 33% but not 34%; 1 in 2 is 50%"),
        Ops(_svc("api") + [op("set_rate_policy", "api", 1000, 100, 29)]
            + [op("record", i, "api", True) for i in range(71)]
            + [op("record", 71 + i, "api", False) for i in range(29)] + [op("state", 100, "api")],
            init=(1000, 10), note="29 failures in 100 calls against 29%: integer arithmetic, no float rounding"),
        Ops(_svc("api") + [
            op("record", 0, "api", False), op("record", 1, "api", False), op("record", 2, "api", True),
            op("set_rate_policy", "api", 100, 4, 50), op("record", 3, "api", True),
        ], init=(5, 10), note="outcomes recorded before the rule was set count"),
        Ops(_svc("api") + [
            op("set_rate_policy", "api", 100, 2, 50), op("record", 0, "api", False), op("record", 1, "api", False),
            op("record", 6, "api", True), op("record", 7, "api", False), op("state", 7, "api"),
            op("record", 8, "api", True), op("record", 9, "api", False), op("state", 9, "api"),
        ], init=(100, 5), note="closing again starts counting from zero"),
        Ops(_svc("api", "db") + [
            op("set_rate_policy", "web", 10, 1, 1), op("set_rate_policy", "api", 10, 1, 1),
            op("record", 0, "db", False), op("record", 0, "api", True), op("record", 1, "api", False),
            op("state", 1, "db"),
        ], init=(2, 10), note="a rule is per service; an unknown service gives False"),
    ]


def _level4_cases():
    return [
        Ops(_svc("db") + [
            op("record", 4, "db", False), op("force_open", 30, "db"), op("history", 30, "db"),
        ], init=(1, 10), note="the half-open change is stamped with its due time, not when it was observed"),
        Ops(_svc("db") + [
            op("force_open", 0, "db"), op("state", 100, "db"), op("allow", 100, "db"),
            op("record", 101, "db", True), op("state", 102, "db"), op("open_services", 102),
            op("force_open", 103, "db"), op("top_rejected", 3), op("top_failing", 3),
            op("record", 104, "db", False), op("top_failing", 3),
        ], init=(1, 10), note="forced open never half-opens, ignores outcomes and is not in open_services"),
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("record", 1, "db", False), op("force_open", 2, "db"),
            op("release", 3, "db"), op("record", 4, "db", False), op("state", 4, "db"),
            op("record", 5, "db", False), op("record", 6, "db", False), op("state", 6, "db"),
        ], init=(3, 10), note="release closes with a failure count of 0"),
        Ops(_svc("db", "api") + [
            op("release", 0, "db"), op("force_open", 0, "x"), op("release", 0, "x"),
            op("history", 0, "db"), op("history", 0, "x"), op("record", 1, "api", False),
            op("history", 1, "api"),
        ], init=(1, 5), note="False and None cases; [] for a breaker that never changed"),
        Ops(_svc("db") + [
            op("record", 0, "db", False), op("allow", 5, "db"), op("force_open", 6, "db"),
            op("release", 7, "db"), op("allow", 7, "db"), op("record", 8, "db", False),
            op("history", 12, "db"), op("history", 13, "db"),
        ], init=(1, 5), note="a trial in flight is abandoned by force_open; a history entry per change"),
        Ops(_svc("api") + [
            op("set_rate_policy", "api", 100, 3, 50), op("record", 0, "api", False), op("record", 1, "api", False),
            op("force_open", 2, "api"), op("release", 3, "api"), op("record", 4, "api", False),
            op("record", 5, "api", True), op("state", 5, "api"), op("record", 6, "api", False), op("state", 6, "api"),
        ], init=(1, 5), note="forcing forgets remembered outcomes; the rate rule stays"),
    ]


_KINDS = {
    "allow": (1, 25), "record": (1, 35), "state": (1, 10), "add_service": (1, 3),
    "open_services": (2, 5), "top_failing": (2, 3), "top_rejected": (2, 3),
    "set_rate_policy": (3, 4), "force_open": (4, 3), "release": (4, 4), "history": (4, 5),
}


def _stream(rng, level, steps):
    threshold, cooldown = rng.randint(1, 3), rng.choice((3, 5, 10))
    names = rng.sample(SERVICES, 4)
    known = names[:3]
    kinds = [k for k, (lv, _) in _KINDS.items() if lv <= level]
    weights = [_KINDS[k][1] for k in kinds]
    ops = _svc(*known)
    ts = rng.randint(0, 3)
    fail_p = rng.choice((0.4, 0.6, 0.8))
    for _ in range(steps):
        ts += rng.choice((0, 0, 1, 1, 1, 2, 3, 4))
        s = rng.choice(known) if rng.random() < 0.9 else names[3]
        kind = rng.choices(kinds, weights)[0]
        if kind in ("allow", "state", "force_open", "release", "history"):
            ops.append(op(kind, ts, s))
        elif kind == "record":
            ops.append(op("record", ts, s, rng.random() >= fail_p))
        elif kind == "add_service":
            ops.append(op("add_service", s))
        elif kind == "open_services":
            ops.append(op("open_services", ts))
        elif kind == "set_rate_policy":
            ops.append(op("set_rate_policy", s, rng.choice((3, 5, 10)), rng.randint(1, 4), rng.choice((25, 34, 50, 67, 100))))
        else:
            ops.append(op(kind, rng.randint(1, 4)))
    return Ops(ops, init=(threshold, cooldown), shrink=True,
               note=f"random stream (threshold {threshold}, cooldown {cooldown})")


def hidden(level, rng):
    cases = {1: _level1_cases, 2: _level2_cases, 3: _level3_cases, 4: _level4_cases}[level]()
    n_random = {1: 6, 2: 6, 3: 7, 4: 8}[level]
    for k in range(1, n_random + 1):
        case = _stream(rng, level, rng.randint(40, 120))
        # The name carries the constructor arguments: a shrunk failure shows only the calls.
        case.name = f"random stream {level}.{k}: CircuitBreaker{case.init}"
        cases.append(case)
    return cases
