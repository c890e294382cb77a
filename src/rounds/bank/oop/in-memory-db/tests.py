from rounds.testkit import Ops, op

KEYS = ["user:1", "user:2", "k"]
FIELDS = ["a", "ab", "b", "a1", "a10", "a9", "B", "ba"]
VALUES = ["", "0", "x", "y", "42", "False"]


def examples(level):
    if level == 1:
        return [Ops([op("set", "user:1", "name", "Ada"), op("set", "user:1", "city", ""),
                     op("get", "user:1", "city"), op("get", "user:1", "age"), op("delete", "user:1", "name"),
                     op("delete", "user:1", "name"), op("get", "user:2", "name")], name="set, get, delete")]
    if level == 2:
        return [Ops([op("set", "u", "name", "Ada"), op("set", "u", "age", "36"), op("set", "u", "addr.city", "London"),
                     op("set", "u", "addr", "x"), op("scan", "u"), op("scan_by_prefix", "u", "addr"),
                     op("scan_by_prefix", "u", "city"), op("scan", "nobody")], name="scans")]
    if level == 3:
        return [Ops([op("set_at_with_ttl", "s", "token", "t1", 10, 5), op("set_at", "s", "user", "ada", 11),
                     op("get_at", "s", "token", 14), op("scan_at", "s", 15), op("delete_at", "s", "token", 16),
                     op("set_at_with_ttl", "s", "user", "bob", 17, 3), op("scan_by_prefix_at", "s", "u", 20)],
                    name="TTL window")]
    return [Ops([op("set_at_with_ttl", "a", "x", "1", 1, 10), op("set_at", "b", "y", "2", 2), op("backup", 3),
                 op("set_at", "a", "x", "changed", 4), op("delete_at", "b", "y", 5), op("restore", 20, 3),
                 op("get_at", "a", "x", 27), op("get_at", "a", "x", 28), op("get_at", "b", "y", 29),
                 op("restore", 30, 2)], name="backup and restore")]


def _fixed(level):
    if level == 1:
        return [
            Ops([op("set", "k", "f", ""), op("get", "k", "f"), op("delete", "k", "f"), op("get", "k", "f")],
                note='"" is a value: get returns "", not None'),
            Ops([op("set", "k", "f", "1"), op("set", "k", "f", "2"), op("get", "k", "f"), op("get", "k", "g"),
                 op("get", "other", "f")], note="set replaces; a missing field and a missing record both give None"),
            Ops([op("delete", "k", "f"), op("set", "k", "f", "1"), op("delete", "k", "g"), op("delete", "k", "f"),
                 op("delete", "k", "f")], note="delete of a missing record, a missing field, twice"),
            Ops([op("set", "a", "f", "1"), op("set", "b", "f", "2"), op("delete", "a", "f"), op("get", "b", "f"),
                 op("set", "a", "f", "3"), op("get", "a", "f")], note="records are independent"),
        ]
    if level == 2:
        return [
            Ops([op("set", "k", "b", "1"), op("set", "k", "a9", "2"), op("set", "k", "a10", "3"), op("set", "k", "B", "4"),
                 op("set", "k", "a", "5"), op("scan", "k")], note="sorted by field name, plain string order"),
            Ops([op("set", "k", "xa", "1"), op("set", "k", "ax", "2"), op("set", "k", "a", "3"), op("set", "k", "ba", "4"),
                 op("scan_by_prefix", "k", "a"), op("scan_by_prefix", "k", ""), op("scan_by_prefix", "k", "ax"),
                 op("scan_by_prefix", "k", "axe")], note="prefix means starts-with; a field equal to the prefix matches"),
            Ops([op("set", "k", "v", "z"), op("set", "k", "u", "a"), op("set", "k", "e", ""), op("scan", "k")],
                note='sorted by field, not by value; "" prints as "e()"'),
            Ops([op("set", "k", "f", "1"), op("delete", "k", "f"), op("scan", "k"), op("scan_by_prefix", "k", "f"),
                 op("scan", "missing")], note="an emptied record and a missing record scan as []"),
        ]
    if level == 3:
        return [
            Ops([op("set_at_with_ttl", "k", "f", "v", 10, 5), op("get_at", "k", "f", 14), op("get_at", "k", "f", 15),
                 op("scan_at", "k", 16)], note="the TTL window is half-open: [timestamp, timestamp + ttl)"),
            Ops([op("set_at_with_ttl", "k", "f", "v", 10, 5), op("set_at", "k", "f", "w", 11), op("get_at", "k", "f", 20),
                 op("set_at_with_ttl", "k", "f", "x", 21, 2), op("get_at", "k", "f", 22), op("get_at", "k", "f", 23)],
                note="set_at makes a field permanent; set_at_with_ttl replaces the window"),
            Ops([op("set_at_with_ttl", "k", "f", "v", 1, 3), op("delete_at", "k", "f", 4), op("delete_at", "k", "g", 5),
                 op("set_at_with_ttl", "k", "f", "v", 6, 3), op("delete_at", "k", "f", 8), op("get_at", "k", "f", 9)],
                note="delete_at of an expired field is False"),
            Ops([op("set_at_with_ttl", "k", "b", "1", 1, 4), op("set_at", "k", "a", "2", 2), op("set_at_with_ttl", "k", "ab", "3", 3, 10),
                 op("scan_at", "k", 4), op("scan_at", "k", 5), op("scan_by_prefix_at", "k", "a", 13),
                 op("scan_by_prefix_at", "k", "a", 14)], note="scans list alive fields only"),
            Ops([op("set_at_with_ttl", "k", "f", "old", 1, 2), op("get_at", "k", "f", 3),
                 op("set_at_with_ttl", "k", "f", "new", 4, 2), op("get_at", "k", "f", 5), op("get_at", "k", "f", 6)],
                note="an expired field can be set again with a new window"),
        ]
    return [
        Ops([op("set_at_with_ttl", "a", "f", "1", 1, 3), op("set_at", "b", "f", "2", 2), op("set_at", "c", "f", "3", 3),
             op("delete_at", "c", "f", 4), op("backup", 5), op("backup", 6)],
            note="backup counts records with an alive field: not expired ones, not emptied ones"),
        Ops([op("set_at_with_ttl", "a", "f", "1", 1, 10), op("backup", 5), op("restore", 100, 5), op("get_at", "a", "f", 105),
             op("get_at", "a", "f", 106)], note="restored fields expire at restore time + remaining TTL"),
        Ops([op("set_at", "a", "f", "1", 1), op("backup", 2), op("set_at", "a", "f", "2", 3), op("set_at", "a", "g", "3", 4),
             op("restore", 5, 2), op("scan_at", "a", 6)], note="later writes must not leak into a saved backup"),
        Ops([op("set_at_with_ttl", "a", "f", "1", 1, 10), op("set_at", "a", "g", "2", 2), op("backup", 3),
             op("restore", 4, 3), op("set_at", "a", "g", "changed", 5), op("restore", 6, 3), op("scan_at", "a", 7),
             op("get_at", "a", "f", 13), op("get_at", "a", "f", 14)],
            note="restoring twice from one backup gives the same data: restore must copy it"),
        Ops([op("set_at", "a", "f", "1", 1), op("backup", 2), op("set_at", "a", "f", "2", 3), op("backup", 4),
             op("set_at", "a", "f", "3", 5), op("restore", 6, 4), op("get_at", "a", "f", 7), op("restore", 8, 3),
             op("get_at", "a", "f", 9)], note="the latest backup AT OR BEFORE timestamp_to_restore"),
        Ops([op("set_at", "a", "f", "1", 5), op("restore", 6, 4), op("get_at", "a", "f", 7), op("backup", 8),
             op("restore", 9, 7), op("get_at", "a", "f", 10)], note="no backup at or before: nothing changes"),
    ]


def _gen(rng, level, steps):
    ops = []
    ts = 0
    backups = []
    for _ in range(steps):
        k, f, v = rng.choice(KEYS), rng.choice(FIELDS), rng.choice(VALUES)
        if level <= 2:
            kinds = ["set", "set", "get", "delete"] + (["scan", "prefix"] if level == 2 else [])
            kind = rng.choice(kinds)
            if kind == "set":
                ops.append(op("set", k, f, v))
            elif kind == "get":
                ops.append(op("get", k, f))
            elif kind == "delete":
                ops.append(op("delete", k, f))
            elif kind == "scan":
                ops.append(op("scan", k))
            else:
                ops.append(op("scan_by_prefix", k, rng.choice(["a", "a1", "b", "", "ab", "c"])))
            continue
        ts += rng.randint(1, 4)
        kinds = ["set", "ttl", "ttl", "get", "delete", "scan", "prefix"] + (["backup", "restore"] if level == 4 else [])
        kind = rng.choice(kinds)
        if kind == "set":
            ops.append(op("set_at", k, f, v, ts))
        elif kind == "ttl":
            ops.append(op("set_at_with_ttl", k, f, v, ts, rng.randint(1, 15)))
        elif kind == "get":
            ops.append(op("get_at", k, f, ts))
        elif kind == "delete":
            ops.append(op("delete_at", k, f, ts))
        elif kind == "scan":
            ops.append(op("scan_at", k, ts))
        elif kind == "prefix":
            ops.append(op("scan_by_prefix_at", k, rng.choice(["a", "a1", "b", ""]), ts))
        elif kind == "backup":
            backups.append(ts)
            ops.append(op("backup", ts))
        else:
            back = rng.choice(backups) if backups and rng.random() < 0.7 else rng.randint(0, ts)
            ops.append(op("restore", ts, back - (1 if rng.random() < 0.2 else 0)))
    return ops


def hidden(level, rng):
    cases = _fixed(level)
    for i in range(5):
        cases.append(Ops(_gen(rng, level, 50 + 30 * i), shrink=True, note="random operations"))
    return cases
