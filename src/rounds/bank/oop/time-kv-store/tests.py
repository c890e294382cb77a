from rounds.testkit import Ops, op

KEYS = ["a", "ab", "abc", "b", "user:1", "user:10", "user:2"]
VALUES = ["", "0", "x", "y", "v1", "None"]
PREFIXES = ["", "a", "ab", "user:", "user:1", "b", "z"]


def examples(level):
    if level == 1:
        return [Ops([op("set", "cfg", "v1", 10), op("set", "cfg", "v2", 20), op("get", "cfg", 9), op("get", "cfg", 10),
                     op("get", "cfg", 19), op("get", "cfg", 25), op("delete", "cfg", 30), op("get", "cfg", 31),
                     op("get", "cfg", 29), op("delete", "cfg", 40)], name="versioned reads")]
    if level == 2:
        return [Ops([op("set", "user:2", "b", 1), op("set", "user:1", "a", 2), op("set", "user:2", "c", 3),
                     op("delete", "user:1", 4), op("history", "user:2", 1, 3), op("history", "user:1", 3, 10),
                     op("scan_prefix", "user:", 3), op("scan_prefix", "user:", 4), op("most_written", 5, 10),
                     op("most_written", 5, 1)], name="history and scans")]
    if level == 3:
        return [Ops([op("set", "flag", "off", 1), op("set_with_ttl", "flag", "on", 10, 5), op("get", "flag", 14),
                     op("ttl", "flag", 14), op("get", "flag", 15), op("ttl", "flag", 15), op("ttl", "flag", 5),
                     op("delete", "flag", 20), op("history", "flag", 0, 100)], name="TTL")]
    return [Ops([op("set", "a", "1", 1), op("set", "a", "2", 2), op("set_with_ttl", "b", "x", 3, 10), op("set", "c", "new", 6),
                 op("rollback", 8, 4), op("get", "c", 7), op("get", "c", 8), op("ttl", "b", 8), op("compact", 9, 8),
                 op("history", "a", 0, 100), op("get", "a", 7), op("get", "a", 8), op("most_written", 3, 100)],
                name="rollback and compaction")]


def _fixed(level):
    if level == 1:
        return [
            Ops([op("set", "k", "v", 5), op("get", "k", 5), op("get", "k", 4), op("set", "k", "w", 6), op("get", "k", 6),
                 op("get", "k", 5)], note="a write at exactly the asked time counts"),
            Ops([op("set", "k", "", 1), op("get", "k", 1), op("delete", "k", 2), op("get", "k", 1), op("get", "k", 2)],
                note='"" is a value, and deleting it works'),
            Ops([op("delete", "k", 1), op("set", "k", "v", 2), op("delete", "k", 3), op("delete", "k", 4),
                 op("get", "k", 100), op("set", "k", "w", 5), op("get", "k", 100), op("get", "k", 4)],
                note="delete of an absent key is False; set after delete"),
            Ops([op("set", "a", "1", 1), op("delete", "a", 2), op("delete", "a", 3), op("get", "a", 1)],
                note="deleting an already-deleted key is False"),
            Ops([op("set", "k", "v", 100), op("get", "k", 0), op("get", "k", 1000), op("get", "other", 100)],
                note="reads before the first write, far in the future, of another key"),
        ]
    if level == 2:
        return [
            Ops([op("set", "k", "a", 1), op("set", "k", "b", 3), op("delete", "k", 5), op("set", "k", "c", 7),
                 op("history", "k", 3, 7), op("history", "k", 2, 2), op("history", "k", 0, 100), op("history", "zz", 0, 9)],
                note="history: both ends included, deletions not listed"),
            Ops([op("set", "user:2", "b", 1), op("set", "user:10", "c", 2), op("set", "user:1", "a", 3), op("set", "us", "d", 4),
                 op("scan_prefix", "user:", 4), op("scan_prefix", "user:1", 4), op("scan_prefix", "user:", 2),
                 op("scan_prefix", "", 1)], note="scan_prefix: sorted keys, values as of the asked time"),
            Ops([op("set", "b", "1", 1), op("set", "a", "1", 2), op("set", "c", "1", 3), op("set", "c", "2", 4),
                 op("delete", "c", 5), op("delete", "a", 6), op("most_written", 3, 10), op("most_written", 2, 3),
                 op("most_written", 1, 10)], note="most_written: ties by key; deletions neither count nor reset"),
            Ops([op("set", "k", "1", 1), op("delete", "k", 2), op("set", "k", "2", 3), op("most_written", 5, 2),
                 op("most_written", 5, 0)], note="counts sets at or before the asked time only"),
        ]
    if level == 3:
        return [
            Ops([op("set_with_ttl", "k", "v", 10, 5), op("get", "k", 14), op("get", "k", 15), op("ttl", "k", 14),
                 op("ttl", "k", 10)], note="the window is half-open: [timestamp, timestamp + ttl)"),
            Ops([op("set", "k", "old", 1), op("set_with_ttl", "k", "new", 5, 3), op("get", "k", 8), op("get", "k", 4),
                 op("scan_prefix", "k", 9)], note="an expired version does not bring the older one back"),
            Ops([op("set", "p", "1", 1), op("set_with_ttl", "t", "2", 2, 10), op("ttl", "p", 5), op("ttl", "t", 5),
                 op("ttl", "none", 5), op("ttl", "t", 12), op("ttl", "t", 1)], note="ttl: remaining, -1, -2"),
            Ops([op("set_with_ttl", "k", "v", 1, 2), op("delete", "k", 3), op("set_with_ttl", "k", "w", 4, 2),
                 op("delete", "k", 5), op("get", "k", 4)], note="delete of an expired value is False"),
            Ops([op("set_with_ttl", "k", "v", 1, 2), op("set", "j", "w", 2), op("set_with_ttl", "k", "u", 5, 1),
                 op("history", "k", 0, 10), op("most_written", 5, 10), op("get", "k", 2)],
                note="history and most_written include TTL writes; the past sees what was alive then"),
        ]
    return [
        Ops([op("set", "a", "1", 1), op("set", "b", "2", 2), op("set", "a", "3", 5), op("set", "c", "4", 6),
             op("rollback", 10, 3), op("get", "a", 10), op("get", "c", 10), op("get", "c", 9), op("history", "a", 0, 20),
             op("history", "c", 0, 20), op("most_written", 3, 20)],
            note="rollback writes old values, deletes newer keys, keeps the past"),
        Ops([op("set_with_ttl", "k", "v", 10, 20), op("rollback", 100, 15), op("ttl", "k", 100), op("get", "k", 114),
             op("get", "k", 115)], note="rolled-back values keep their remaining TTL, counted from the rollback"),
        Ops([op("set_with_ttl", "k", "v", 1, 3), op("set", "j", "w", 2), op("rollback", 10, 4), op("get", "k", 10),
             op("rollback", 11, 3)], note="a value expired at to_timestamp is not restored"),
        Ops([op("set", "a", "1", 1), op("set", "a", "2", 3), op("set", "a", "3", 8), op("compact", 9, 5),
             op("get", "a", 5), op("get", "a", 7), op("history", "a", 0, 20), op("most_written", 1, 20)],
            note="compaction keeps the version in effect at `before`"),
        Ops([op("set", "a", "1", 1), op("set", "a", "2", 3), op("compact", 4, 3), op("get", "a", 3), op("get", "a", 2),
             op("scan_prefix", "", 2), op("ttl", "a", 1), op("rollback", 5, 2), op("get", "a", 5)],
            note="reads before the horizon raise ValueError; a write exactly at `before` supersedes"),
        Ops([op("set_with_ttl", "a", "1", 1, 3), op("set_with_ttl", "b", "2", 2, 10), op("set", "c", "3", 3),
             op("delete", "c", 4), op("compact", 6, 5), op("history", "a", 0, 9), op("history", "b", 0, 9),
             op("get", "b", 6), op("compact", 7, 4), op("get", "b", 5)],
            note="expired and deleted sets are discarded; a smaller horizon changes nothing"),
    ]


def _gen(rng, level, steps):
    ops = []
    ts = 0
    horizon = 0
    for _ in range(steps):
        k = rng.choice(KEYS)
        kinds = ["set", "set", "get", "get", "delete"]
        if level >= 2:
            kinds += ["history", "scan", "most"]
        if level >= 3:
            kinds += ["ttlset", "ttlset", "ttl"]
        if level >= 4:
            kinds += ["rollback", "compact"]
        kind = rng.choice(kinds)
        read_t = max(horizon if rng.random() < 0.9 else 0, ts + rng.randint(-12, 3))
        if kind in ("set", "ttlset", "delete", "rollback", "compact"):
            ts += rng.randint(1, 3)
        if kind == "set":
            ops.append(op("set", k, rng.choice(VALUES), ts))
        elif kind == "ttlset":
            ops.append(op("set_with_ttl", k, rng.choice(VALUES), ts, rng.randint(1, 12)))
        elif kind == "delete":
            ops.append(op("delete", k, ts))
        elif kind == "get":
            ops.append(op("get", k, max(read_t, 0)))
        elif kind == "ttl":
            ops.append(op("ttl", k, max(read_t, 0)))
        elif kind == "history":
            a, b = sorted((rng.randint(0, ts + 2), rng.randint(0, ts + 2)))
            ops.append(op("history", k, a, b))
        elif kind == "scan":
            ops.append(op("scan_prefix", rng.choice(PREFIXES), max(read_t, 0)))
        elif kind == "most":
            ops.append(op("most_written", rng.randint(1, 5), rng.randint(0, ts + 2)))
        elif kind == "rollback":
            ops.append(op("rollback", ts, rng.randint(max(0, horizon - 1), ts - 1)))
        else:
            before = rng.randint(max(0, ts - 15), ts)
            horizon = max(horizon, before)
            ops.append(op("compact", ts, before))
    return ops


def hidden(level, rng):
    cases = _fixed(level)
    for i in range(5):
        cases.append(Ops(_gen(rng, level, 50 + 30 * i), shrink=True, note="random operations"))
    return cases
