from rounds.testkit import Ops, Threads, op

KEYS = ["a", "b", "c", "d", "e", "f", "a1", "a10"]


def examples(level):
    if level == 1:
        return [Ops([op("put", "a", 1), op("put", "b", 2), op("get", "a"), op("put", "c", 3), op("get", "b"),
                     op("get", "c"), op("put", "a", 10), op("size"), op("delete", "a"), op("delete", "a"), op("size")],
                    init=(2,), name="LRU eviction")]
    if level == 2:
        return [Ops([op("put", "x", 1), op("put", "y", 2), op("put", "z", 3), op("get", "x"), op("get", "x"),
                     op("get", "y"), op("get", "w"), op("put", "v", 4), op("keys"), op("stats"), op("top_hits", 2)],
                    init=(3,), name="stats and rankings")]
    if level == 3:
        return [Ops([op("incr", "hits", 5), op("incr", "hits", 2), op("put_if_absent", "hits", 0),
                     op("put_if_absent", "owner", 7), op("get", "hits"), op("keys")], init=(3,), name="atomic updates")]
    return [Ops([op("put", "a", 1), op("put", "b", 2), op("put", "c", 3), op("get", "a"), op("get", "a"), op("get", "b"),
                 op("keys"), op("put", "d", 4), op("keys"), op("resize", 2), op("stats")], init=(3, "lfu"),
                name="LFU with LRU tie-break")]


def _seq(level):
    if level == 1:
        return [
            Ops([op("put", "a", 1), op("put", "b", 2), op("put", "c", 3), op("get", "a"), op("get", "b"), op("get", "c")],
                init=(2,), note="the least recently used key is evicted"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("get", "a"), op("put", "c", 3), op("get", "a"), op("get", "b")],
                init=(2,), note="get makes a key most recently used"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("put", "a", 5), op("put", "c", 3), op("get", "a"), op("get", "b"),
                 op("size")], init=(2,), note="put on an existing key updates it, refreshes it, never evicts"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("put", "b", 3), op("size"), op("get", "a")],
                init=(2,), note="updating a key in a full cache evicts nothing"),
            Ops([op("put", "z", 0), op("get", "z"), op("put", "y", 1), op("get", "z"), op("get", "nope")],
                init=(3,), note="0 is a value: get returns 0, not None"),
            Ops([op("put", "a", 1), op("delete", "a"), op("delete", "a"), op("delete", "b"), op("size"), op("put", "b", 2),
                 op("put", "c", 3), op("get", "b")], init=(2,), note="delete frees a slot"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("get", "a"), op("put", "c", 3), op("get", "b")],
                init=(1,), note="capacity 1"),
        ]
    if level == 2:
        return [
            Ops([op("put", "a", 1), op("put", "b", 2), op("put", "c", 3), op("get", "a"), op("keys"), op("put", "b", 9),
                 op("keys")], init=(5,), note="keys: least recently used first"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("get", "a"), op("get", "zz"), op("put", "c", 3), op("put", "d", 4),
                 op("delete", "d"), op("stats")], init=(2,), note="stats: hits, misses, evictions (a delete is not an eviction)"),
            Ops([op("put", "b", 1), op("put", "a", 1), op("put", "c", 1), op("get", "c"), op("get", "b"),
                 op("top_hits", 3), op("top_hits", 5), op("top_hits", 1)], init=(3,), note="top_hits: hits desc, then key asc"),
            Ops([op("put", "a", 1), op("get", "a"), op("get", "a"), op("put", "b", 2), op("put", "c", 3), op("put", "a", 4),
                 op("top_hits", 3), op("get", "a"), op("top_hits", 1)], init=(2,),
                note="an evicted key that comes back starts again from 0 hits"),
            Ops([op("put", "a", 1), op("get", "a"), op("put", "a", 2), op("top_hits", 1), op("delete", "a"), op("put", "a", 3),
                 op("top_hits", 1)], init=(2,), note="updates keep a key's hits; delete resets them"),
        ]
    if level == 3:
        return [
            Ops([op("incr", "n", 3), op("incr", "n", -5), op("get", "n"), op("stats")], init=(2,),
                note="incr on a missing key inserts delta; incr does not count as a hit"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("incr", "a", 1), op("put", "c", 3), op("get", "a"), op("get", "b")],
                init=(2,), note="incr refreshes the key like a put"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("put_if_absent", "a", 9), op("put", "c", 3), op("get", "a"),
                 op("get", "b")], init=(2,), note="put_if_absent on a present key changes nothing, not even recency"),
            Ops([op("put", "a", 1), op("put", "b", 2), op("put_if_absent", "c", 3), op("get", "a"), op("stats"),
                 op("incr", "d", 1), op("keys")], init=(2,), note="inserting through put_if_absent or incr evicts"),
        ]
    return [
        Ops([op("put", "a", 1), op("put", "b", 2), op("put", "c", 3), op("get", "a"), op("get", "b"), op("put", "d", 4),
             op("get", "c"), op("keys")], init=(3, "lfu"), note="LFU evicts the least frequently used"),
        Ops([op("put", "a", 1), op("put", "b", 2), op("put", "c", 3), op("get", "a"), op("get", "b"), op("get", "c"),
             op("get", "a"), op("get", "b"), op("put", "d", 4), op("keys")], init=(3, "lfu"),
            note="LFU ties go to the least recently used, not the oldest inserted"),
        Ops([op("put", "a", 1), op("put", "b", 2), op("put", "a", 5), op("put", "c", 3), op("get", "a"), op("get", "b"),
             op("keys")], init=(2, "lfu"), note="a put update counts as a use in LFU"),
        Ops([op("put", "a", 1), op("put", "b", 2), op("get", "a"), op("put", "a", 3), op("put", "c", 3), op("get", "a"),
             op("get", "b"), op("keys")], init=(2, "fifo"), note="FIFO: reads and updates do not save a key"),
        Ops([op("put", "a", 1), op("put", "b", 2), op("put", "c", 3), op("put", "d", 4), op("get", "a"), op("resize", 2),
             op("stats"), op("keys"), op("resize", 5), op("put", "e", 5), op("size")], init=(4,),
            note="resize evicts in eviction order, counts evictions, and can grow"),
        Ops([op("put", "a", 1), op("get", "a"), op("put", "b", 2), op("put", "c", 3), op("get", "c"), op("put_if_absent", "a", 0),
             op("incr", "b", 1), op("resize", 1)], init=(3, "lfu"), note="incr counts as a use; put_if_absent on a present key does not"),
        Ops([op("put", "x", 1), op("delete", "x"), op("put", "y", 2), op("put", "x", 3), op("get", "y"), op("put", "z", 4),
             op("keys")], init=(2, "lfu"), note="a deleted key starts again at frequency 1"),
    ]


ROUNDS = 200  # per thread; a race shows up in most runs, and several runs make it certain
MIXED_RUNS = 8


def _mixed_ok(threads, final):
    seen = [r for t in threads for r in t[0::3]]
    if len(set(seen)) != len(seen):
        return "two incr calls returned the same value: an increment was not atomic"
    if any(b <= a for t in threads for a, b in zip(t[0::3], t[3::3], strict=False)):
        return "a thread saw its counter go backwards"
    claims = sum(1 for t in threads for r in t[1::3] if r is True)
    releases = sum(1 for t in threads for r in t[2::3] if r is True)
    if claims != releases:
        return (f"put_if_absent succeeded {claims} times but delete only {releases} times: "
                "two threads claimed the same absent key")
    return None


def _sizes_bounded(cap):
    def check(threads, final):
        over = [s for t in threads for s in t if type(s) is int and s > cap]
        if over:
            return f"size() returned {max(over)} with capacity {cap}"
        return None
    return check


def _threads():
    n = 4
    mixed = [[o for _ in range(ROUNDS) for o in (op("incr", "counter", 1), op("put_if_absent", "lock", i),
                                                    op("delete", "lock"))] for i in range(n)]
    puts = [[o for j in range(300) for o in (op("put", f"t{i}-{j}", j), op("size"))] for i in range(n)]
    reads = [[op("get", f"r{(i * 7 + j) % 16}") for j in range(500)] for i in range(n)]
    cases = [
        Threads(mixed, final=[op("get", "counter"), op("size"), op("stats")], init=(8,), invariant=_mixed_ok,
                note="4 threads: incr one counter, claim and release one key; every increment counts, one claim at a time")
        for _ in range(MIXED_RUNS)
    ]
    cases += [
        Threads(puts, final=[op("size"), op("stats")], init=(8,), invariant=_sizes_bounded(8),
                note="4 threads inserting 300 keys each: the capacity is never exceeded, evictions are exact"),
        Threads(reads, final=[op("stats"), op("top_hits", 3)], init=(16,),
                setup=[op("put", f"r{j}", j) for j in range(16)],
                note="4 threads reading: hit counters must not lose updates"),
    ]
    return cases


def _gen(rng, level, steps):
    ops = []
    for _ in range(steps):
        k = rng.choice(KEYS)
        kinds = ["put", "put", "get", "get", "delete"]
        if level >= 2:
            kinds += ["keys", "stats", "top"]
        if level >= 3:
            kinds += ["incr", "absent"]
        if level >= 4:
            kinds += ["resize", "get", "keys"]
        kind = rng.choice(kinds)
        if kind == "put":
            ops.append(op("put", k, rng.randint(-2, 9)))
        elif kind == "get":
            ops.append(op("get", k))
        elif kind == "delete":
            ops.append(op("delete", k))
        elif kind == "keys":
            ops.append(op("keys"))
        elif kind == "stats":
            ops.append(op("stats"))
        elif kind == "top":
            ops.append(op("top_hits", rng.randint(1, 5)))
        elif kind == "incr":
            ops.append(op("incr", k, rng.randint(-3, 5)))
        elif kind == "absent":
            ops.append(op("put_if_absent", k, rng.randint(0, 9)))
        else:
            ops.append(op("resize", rng.randint(2, 7)))
    return ops


def hidden(level, rng):
    cases = _seq(level)
    if level == 3:
        cases += _threads()
    for i in range(5):
        init = (rng.randint(1, 5),) if level < 4 else (rng.randint(2, 6), ["lfu", "fifo", "lru", "lfu", "fifo"][i])
        cases.append(Ops(_gen(rng, level, 50 + 30 * i), init=init, shrink=True, note="random operations"))
    return cases
