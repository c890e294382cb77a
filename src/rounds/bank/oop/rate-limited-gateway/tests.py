"""Hidden tests for the rate-limited gateway: fixed trap cases, random op streams, concurrent bursts."""

from rounds.testkit import Ops, Threads, op

PATHS = ["/login", "/search", "/feed", "/pay", "/admin"]
SERVICES = ["auth", "search", "feed", "billing"]
CLIENTS = ["al", "ann", "bob", "cy", "dee", "eve"]
POLICY_NAMES = ["fixed", "sliding", "unlimited", "sliding", "fixed", "token-bucket"]


def examples(level):
    if level == 1:
        return [Ops([
            op("add_route", "/search", "search"),
            op("add_route", "/search", "billing"),
            op("handle", 1, "ana", "/search"),
            op("handle", 3, "ana", "/search"),
            op("handle", 5, "ana", "/search"),
            op("handle", 6, "ana", "/missing"),
            op("remaining", 9, "ana"),
            op("handle", 10, "ana", "/search"),
            op("remaining", 10, "ana"),
            op("remove_route", "/search"),
            op("handle", 11, "ana", "/search"),
        ], init=(2, 10), name="quota of 2 per 10 time units")]
    if level == 2:
        return [Ops([
            op("add_route", "/search", "search"),
            op("add_route", "/web-search", "search"),
            op("add_route", "/pay", "billing"),
            op("handle", 0, "bob", "/search"),
            op("handle", 1, "ann", "/web-search"),
            op("handle", 2, "ann", "/pay"),
            op("handle", 3, "bob", "/pay"),
            op("handle", 4, "bob", "/pay"),
            op("handle", 5, "cy", "/nowhere"),
            op("top_clients", 5),
            op("busiest_services", 1),
            op("top_throttled", 5),
        ], init=(2, 10), name="rankings")]
    if level == 3:
        return [Ops([
            op("add_route", "/feed", "feed"),
            op("handle", 1, "ana", "/feed"),
            op("handle", 2, "ana", "/feed"),
            op("set_limit", "ana", 1, 10),
            op("remaining", 3, "ana"),
            op("handle", 3, "ana", "/feed"),
            op("set_limit", "ana", 5, 100),
            op("remaining", 50, "ana"),
            op("remaining", 50, "bob"),
        ], init=(2, 10), name="a client's quota changes mid-window"), _example_burst()]
    return [Ops([
        op("add_route", "/feed", "feed"),
        op("set_policy", "ana", "sliding"),
        op("handle", 0, "ana", "/feed"),
        op("handle", 5, "ana", "/feed"),
        op("handle", 9, "ana", "/feed"),
        op("retry_after", 9, "ana"),
        op("handle", 10, "ana", "/feed"),
        op("set_policy", "bob", "unlimited"),
        op("remaining", 10, "bob"),
        op("set_policy", "cy", "leaky"),
    ], init=(2, 10), name="a sliding window and an unlimited client")]


def _example_burst():
    """Four threads send 50 requests each for one client whose limit is 5."""
    lists = [[op("handle", 100, "ana", "/feed")] * 50 for _ in range(4)]

    def invariant(thread_results, final_results):
        admitted = sum(r == 200 for results in thread_results for r in results)
        return None if admitted == 5 else f"{admitted} requests were admitted; the limit is 5"

    return Threads(threads=lists, final=[op("remaining", 100, "ana"), op("top_throttled", 1)],
                   init=(5, 100), setup=[op("add_route", "/feed", "feed")], invariant=invariant,
                   name="four threads share one client's quota")


def _routes(*pairs):
    return [op("add_route", p, s) for p, s in pairs]


def _level1_cases():
    return [
        Ops(_routes(("/a", "svc")) + [
            op("handle", 0, "ann", "/b"), op("handle", 0, "ann", "/b"), op("handle", 0, "ann", "/b"),
            op("remaining", 0, "ann"),
            op("handle", 1, "ann", "/a"), op("handle", 1, "ann", "/a"), op("handle", 2, "ann", "/a"),
        ], init=(2, 10), note="a 404 does not consume quota"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 8, "ann", "/a"), op("handle", 9, "ann", "/a"), op("handle", 9, "ann", "/a"),
            op("remaining", 9, "ann"),
            op("handle", 10, "ann", "/a"), op("remaining", 10, "ann"),
            op("handle", 19, "ann", "/a"), op("handle", 19, "ann", "/a"),
            op("handle", 20, "ann", "/a"), op("remaining", 29, "ann"), op("remaining", 30, "ann"),
        ], init=(2, 10), note="windows are half-open: a request at exactly (k + 1) * window starts a new window"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 7, "ann", "/a"), op("handle", 8, "ann", "/a"), op("handle", 9, "ann", "/a"),
            op("handle", 10, "ann", "/a"), op("handle", 12, "ann", "/a"), op("handle", 16, "ann", "/a"),
            op("handle", 17, "ann", "/a"), op("remaining", 18, "ann"),
        ], init=(3, 10), note="windows are aligned to multiples of window, not to a client's first request"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 3, "ann", "/a"), op("handle", 14, "ann", "/a"), op("remaining", 19, "ann"),
            op("handle", 19, "ann", "/a"), op("handle", 20, "ann", "/a"), op("remaining", 22, "ann"),
        ], init=(1, 10), note="limit 1: one request per aligned window"),
        Ops([
            op("add_route", "/a", "one"), op("add_route", "/a", "two"), op("remove_route", "/b"),
            op("remove_route", "/a"), op("remove_route", "/a"), op("handle", 1, "ann", "/a"),
            op("add_route", "/a", "two"), op("handle", 2, "ann", "/a"), op("add_route", "/A", "x"),
            op("handle", 3, "ann", "/A"), op("handle", 4, "ann", "/a/"),
        ], init=(5, 10), note="route table: duplicates, removals, exact string match"),
        Ops(_routes(("/a", "s1"), ("/b", "s2")) + [
            op("handle", 0, "ann", "/a"), op("handle", 1, "ann", "/b"), op("handle", 2, "ann", "/a"),
            op("handle", 2, "bob", "/a"), op("handle", 3, "bob", "/b"), op("remaining", 3, "bob"),
            op("remaining", 3, "ann"), op("remaining", 3, "cy"),
        ], init=(2, 5), note="a quota is per client and spans every path"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 999_999, "ann", "/a"), op("handle", 999_999, "ann", "/a"),
            op("handle", 1_000_000, "ann", "/a"), op("handle", 1_999_999, "ann", "/a"),
            op("remaining", 1_999_999, "ann"), op("handle", 2_000_000, "ann", "/a"),
        ], init=(1, 1_000_000), note="large window and timestamps"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 5, "ann", "/a"), op("handle", 5, "ann", "/a"), op("handle", 5, "ann", "/a"),
            op("handle", 5, "ann", "/a"), op("remaining", 5, "ann"),
            op("handle", 10, "ann", "/a"), op("handle", 10, "ann", "/a"), op("handle", 10, "ann", "/a"),
            op("remaining", 11, "ann"),
        ], init=(3, 5), note="many requests at one timestamp; rejected requests leave the next window whole"),
    ]


def _level2_cases():
    return [
        Ops(_routes(("/a", "svc")) + [
            op("handle", 0, "bob", "/a"), op("handle", 1, "al", "/a"), op("handle", 2, "ann", "/a"),
            op("handle", 3, "ann", "/a"), op("handle", 4, "client10", "/a"), op("handle", 5, "client9", "/a"),
            op("top_clients", 10), op("top_clients", 2), op("top_clients", 1),
        ], init=(5, 100), note="ties are broken by client id ascending (plain string order)"),
        Ops(_routes(("/s1", "search"), ("/s2", "search"), ("/p", "billing"), ("/f", "feed")) + [
            op("handle", 0, "ann", "/s1"), op("handle", 1, "bob", "/s2"), op("handle", 2, "cy", "/p"),
            op("handle", 3, "cy", "/p"), op("handle", 4, "dee", "/f"),
            op("busiest_services", 3),
            op("remove_route", "/s1"), op("remove_route", "/s2"), op("busiest_services", 3),
            op("add_route", "/p", "search"), op("handle", 5, "eve", "/p"), op("busiest_services", 5),
        ], init=(5, 100), note="a service is counted across its paths; removing a route keeps its history"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 0, "ann", "/a"), op("handle", 1, "ann", "/a"), op("handle", 2, "ann", "/a"),
            op("handle", 3, "bob", "/x"), op("handle", 3, "bob", "/x"), op("handle", 4, "cy", "/a"),
            op("handle", 5, "cy", "/a"), op("handle", 6, "cy", "/a"), op("handle", 7, "cy", "/a"),
            op("top_throttled", 5), op("top_clients", 5),
        ], init=(2, 100), note="404s are not throttling; clients with nothing to count are not listed"),
        Ops(_routes(("/a", "svc")) + [
            op("top_clients", 3), op("busiest_services", 3), op("top_throttled", 3),
            op("handle", 0, "ann", "/nowhere"), op("top_clients", 3), op("busiest_services", 3),
        ], init=(1, 10), note="empty rankings are []"),
        Ops([
            op("add_route", "/a", "first"), op("add_route", "/a", "second"),
            op("handle", 0, "ann", "/a"), op("busiest_services", 2),
        ], init=(1, 10), note="a duplicate add_route keeps the existing route"),
    ]


def _level3_cases():
    return [
        Ops(_routes(("/a", "svc")) + [
            op("handle", 0, "ann", "/a"), op("handle", 1, "ann", "/a"), op("handle", 2, "ann", "/a"),
            op("set_limit", "ann", 1, 10), op("remaining", 3, "ann"), op("handle", 3, "ann", "/a"),
            op("remaining", 10, "ann"), op("handle", 10, "ann", "/a"), op("handle", 11, "ann", "/a"),
        ], init=(3, 10), note="lowering the limit mid-window: remaining is 0, never negative"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 5, "ann", "/a"), op("handle", 12, "ann", "/a"), op("handle", 13, "ann", "/a"),
            op("set_limit", "ann", 4, 100), op("remaining", 15, "ann"), op("handle", 15, "ann", "/a"),
            op("handle", 16, "ann", "/a"), op("remaining", 99, "ann"), op("remaining", 100, "ann"),
        ], init=(2, 10), note="growing the window counts requests admitted before the change"),
        Ops(_routes(("/a", "svc")) + [
            op("set_limit", "ann", 3, 100),
            op("handle", 10, "ann", "/a"), op("handle", 60, "ann", "/a"), op("handle", 70, "ann", "/a"),
            op("handle", 71, "ann", "/a"), op("set_limit", "ann", 3, 50), op("remaining", 72, "ann"),
            op("handle", 72, "ann", "/a"), op("handle", 73, "ann", "/a"),
        ], init=(2, 10), note="shrinking the window: only requests inside the new current window count"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 0, "ann", "/a"), op("handle", 5, "ann", "/a"), op("handle", 6, "ann", "/a"),
            op("set_limit", "ann", 3, 100), op("remaining", 7, "ann"),
            op("handle", 7, "ann", "/a"), op("handle", 8, "ann", "/a"), op("handle", 9, "ann", "/a"),
        ], init=(1, 10), note="throttled requests never count, even after the window grows"),
        Ops(_routes(("/a", "svc")) + [
            op("set_limit", "bob", 1, 3), op("remaining", 0, "bob"), op("remaining", 0, "ann"),
            op("handle", 1, "bob", "/a"), op("handle", 2, "bob", "/a"), op("handle", 3, "bob", "/a"),
            op("handle", 3, "ann", "/a"), op("handle", 3, "ann", "/a"), op("handle", 3, "ann", "/a"),
            op("set_limit", "bob", 2, 3), op("set_limit", "bob", 1, 3), op("remaining", 4, "bob"),
        ], init=(2, 10), note="an override applies to its client only; the latest one wins"),
    ]


def _level4_cases():
    return [
        Ops(_routes(("/a", "svc")) + [
            op("set_policy", "ann", "sliding"),
            op("handle", 0, "ann", "/a"), op("handle", 5, "ann", "/a"), op("handle", 9, "ann", "/a"),
            op("remaining", 9, "ann"), op("handle", 10, "ann", "/a"), op("handle", 14, "ann", "/a"),
            op("retry_after", 14, "ann"), op("handle", 15, "ann", "/a"),
        ], init=(2, 10), note="the sliding window (t - window, t] is half-open"),
        Ops(_routes(("/a", "svc")) + [
            op("retry_after", 0, "ann"), op("handle", 3, "ann", "/a"), op("handle", 4, "ann", "/a"),
            op("retry_after", 4, "ann"), op("retry_after", 9, "ann"), op("retry_after", 10, "ann"),
            op("handle", 10, "ann", "/a"), op("retry_after", 10, "ann"),
        ], init=(2, 10), note="retry_after under the fixed policy: the next window's start, or now"),
        Ops(_routes(("/a", "svc")) + [
            op("set_policy", "ann", "sliding"),
            op("handle", 2, "ann", "/a"), op("handle", 4, "ann", "/a"), op("handle", 4, "ann", "/a"),
            op("handle", 7, "ann", "/a"), op("retry_after", 8, "ann"),
            op("set_limit", "ann", 2, 10), op("retry_after", 9, "ann"), op("remaining", 14, "ann"),
            op("handle", 14, "ann", "/a"), op("retry_after", 14, "ann"),
        ], init=(3, 10), note="retry_after waits for the limit-th newest request to leave the window"),
        Ops(_routes(("/a", "svc")) + [
            op("set_policy", "ann", "unlimited"), op("remaining", 0, "ann"),
            op("handle", 0, "ann", "/a"), op("handle", 0, "ann", "/a"), op("handle", 1, "ann", "/a"),
            op("retry_after", 1, "ann"), op("handle", 2, "ann", "/zzz"),
            op("set_policy", "ann", "fixed"), op("remaining", 2, "ann"), op("handle", 3, "ann", "/a"),
            op("top_clients", 3),
        ], init=(2, 10), note="unlimited: remaining is None; its admitted requests still count after switching back"),
        Ops(_routes(("/a", "svc")) + [
            op("handle", 1, "ann", "/a"), op("handle", 9, "ann", "/a"),
            op("set_policy", "ann", "sliding"), op("remaining", 10, "ann"), op("handle", 10, "ann", "/a"),
            op("set_policy", "ann", "fixed"), op("remaining", 11, "ann"),
            op("set_policy", "ann", "token-bucket"), op("remaining", 12, "ann"),
            op("set_policy", "ann", "Sliding"), op("handle", 12, "ann", "/a"),
        ], init=(2, 10), note="switching policy keeps the history; an unknown policy returns False and changes nothing"),
        Ops(_routes(("/a", "svc")) + [
            op("set_policy", "ann", "sliding"),
            op("handle", 0, "ann", "/a"), op("handle", 1, "ann", "/a"), op("handle", 2, "ann", "/a"),
            op("handle", 3, "ann", "/a"), op("handle", 11, "ann", "/a"), op("handle", 12, "ann", "/a"),
            op("retry_after", 12, "ann"),
        ], init=(2, 10), note="throttled requests are not recorded in the sliding log"),
    ]


# op kind -> (first level, weight)
_KINDS = {
    "handle": (1, 55), "remaining": (1, 10), "add_route": (1, 6), "remove_route": (1, 4),
    "top_clients": (2, 4), "busiest_services": (2, 4), "top_throttled": (2, 3),
    "set_limit": (3, 5), "set_policy": (4, 6), "retry_after": (4, 8),
}


def _stream(rng, level, steps):
    limit, window = rng.randint(1, 3), rng.choice((4, 5, 10))
    clients = rng.sample(CLIENTS, rng.randint(2, 3))
    kinds = [k for k, (lv, _) in _KINDS.items() if lv <= level]
    weights = [_KINDS[k][1] for k in kinds]
    ops = _routes(*[(p, rng.choice(SERVICES)) for p in rng.sample(PATHS, 3)])
    ts = rng.randint(0, 3)
    for _ in range(steps):
        ts += rng.choice((0, 0, 1, 1, 1, 2, 3, 5))
        c = rng.choice(clients)
        kind = rng.choices(kinds, weights)[0]
        if kind == "handle":
            ops.append(op("handle", ts, c, rng.choice(PATHS)))
        elif kind in ("remaining", "retry_after"):
            ops.append(op(kind, ts, c))
        elif kind == "add_route":
            ops.append(op("add_route", rng.choice(PATHS), rng.choice(SERVICES)))
        elif kind == "remove_route":
            ops.append(op("remove_route", rng.choice(PATHS)))
        elif kind == "set_limit":
            ops.append(op("set_limit", c, rng.randint(1, 4), rng.choice((3, 5, 10, 20))))
        elif kind == "set_policy":
            ops.append(op("set_policy", c, rng.choice(POLICY_NAMES)))
        else:
            ops.append(op(kind, rng.randint(1, 4)))
    return Ops(ops, init=(limit, window), shrink=True, note=f"random stream (limit {limit}, window {window})")


def _burst(rng, threads, per_thread, n_clients):
    """Concurrent requests at one instant; each client always uses one path."""
    t0 = 1000
    clients = [f"c{i:02d}" for i in range(n_clients)]
    path_of = {c: rng.choice(PATHS[:4]) for c in clients}
    setup = _routes(*zip(PATHS[:4], SERVICES, strict=True))
    limit_of = {c: 3 for c in clients}
    for c in rng.sample(clients, n_clients // 3):
        limit_of[c] = rng.randint(1, 6)
        setup.append(op("set_limit", c, limit_of[c], rng.choice((50, 100, 500))))
    lists = []
    for _ in range(threads):
        cs = [rng.choice(clients) for _ in range(per_thread)]
        lists.append([op("handle", t0, c, path_of[c]) for c in cs])
    tried = {c: 0 for c in clients}
    for ops in lists:
        for _, (_, c, _) in ops:
            tried[c] += 1

    def invariant(thread_results, final_results):
        admitted = {c: 0 for c in clients}
        for ops, results in zip(lists, thread_results, strict=True):
            for (_, (_, c, _)), r in zip(ops, results, strict=True):
                if r == 200:
                    admitted[c] += 1
        for c in clients:
            want = min(limit_of[c], tried[c])
            if admitted[c] > limit_of[c]:
                return f"client {c} had {admitted[c]} requests admitted in one window; its limit is {limit_of[c]}"
            if admitted[c] != want:
                return f"client {c} sent {tried[c]} requests with a limit of {limit_of[c]} but had {admitted[c]} admitted"
        return None

    final = [op("remaining", t0, c) for c in clients]
    final += [op("top_clients", n_clients), op("busiest_services", 4), op("top_throttled", n_clients)]
    return Threads(threads=lists, final=final, init=(3, 100), setup=setup, invariant=invariant,
                   note=f"{threads} threads send {threads * per_thread} requests at one instant")


def _lockstep(rng, threads, n_clients):
    """Every thread walks the same clients in the same order, each client allowed one request.

    The threads keep meeting at clients that are exactly at their limit, which is where an
    unguarded check-then-append admits a second request.
    """
    t0 = 2000
    clients = [f"k{i:04d}" for i in range(n_clients)]
    setup = [op("add_route", "/p", "svc")] + [op("set_limit", c, 1, 100) for c in clients]
    lists = [[op("handle", t0, c, "/p") for c in clients] for _ in range(threads)]

    def invariant(thread_results, final_results):
        for i, c in enumerate(clients):
            admitted = sum(1 for results in thread_results if results[i] == 200)
            if admitted != 1:
                return f"client {c} has a limit of 1 but {admitted} of its {threads} concurrent requests were admitted"
        return None

    final = [op("top_clients", 3), op("busiest_services", 1), op("top_throttled", 3)]
    return Threads(threads=lists, final=final, init=(5, 100), setup=setup, invariant=invariant,
                   note=f"{threads} threads send one request each for {n_clients} clients in the same order",
                   cpu_ms=4000)  # the judge yields the GIL inside the solution's lines: tracing costs CPU


def hidden(level, rng):
    if level == 1:
        cases = _level1_cases()
    elif level == 2:
        cases = _level2_cases()
    elif level == 3:
        # Several short bursts: the judge switches threads at random lines of the solution, and
        # repetition covers a burst that happens to run its threads one after another.
        shapes = [(8, 250, 12), (4, 400, 8), (16, 120, 24), (8, 250, 6), (6, 300, 10)]
        cases = _level3_cases() + [_burst(rng, *s) for s in shapes]
        cases += [_lockstep(rng, *s) for s in [(4, 1500), (8, 800), (2, 3000)]]
    else:
        cases = _level4_cases()
    n_random = {1: 6, 2: 6, 3: 5, 4: 8}[level]
    for k in range(1, n_random + 1):
        case = _stream(rng, level, rng.randint(40, 120))
        # The name carries the constructor arguments: a shrunk failure shows only the calls.
        case.name = f"random stream {level}.{k}: RateLimitedGateway{case.init}"
        cases.append(case)
    return cases
