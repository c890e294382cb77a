"""Hidden tests for the file storage: fixed trap cases and random op streams."""

from rounds.testkit import Ops, op

NAMES = ["a.txt", "a.txt.bak", "docs/a", "docs/b", "docs/big", "img/x.png", "B", "doc"]
PREFIXES = ["", "a", "docs/", "doc", "img/", "B", "zzz"]


def examples(level):
    if level == 1:
        return [Ops([
            op("add_file", 1, "a.txt", 10), op("add_file", 2, "a.txt", 99),
            op("copy_file", 3, "a.txt", "b.txt"), op("write_file", 4, "b.txt", 0),
            op("get_size", 5, "b.txt"), op("write_file", 6, "c.txt", 5), op("delete_file", 7, "a.txt"),
            op("get_size", 8, "a.txt"), op("copy_file", 9, "b.txt", "b.txt"),
        ], name="create, copy, write, delete")]
    if level == 2:
        return [Ops([
            op("add_file", 1, "docs/a.txt", 30), op("add_file", 2, "docs/b.txt", 30),
            op("add_file", 3, "img/c.png", 50), op("copy_file", 4, "docs/a.txt", "docs/z.txt"),
            op("largest", 5, "docs/", 2), op("total_size", 5, "docs/"), op("total_size", 5, "video/"),
            op("write_file", 6, "docs/b.txt", 31), op("recent", 7, 3),
        ], name="listings")]
    if level == 3:
        return [Ops([
            op("add_file_ttl", 10, "tmp.bin", 5, 10), op("copy_file", 12, "tmp.bin", "keep.bin"),
            op("set_ttl", 13, "keep.bin", None), op("get_size", 19, "tmp.bin"), op("get_size", 20, "tmp.bin"),
            op("add_file", 20, "tmp.bin", 7), op("largest", 21, "", 5),
        ], name="expiry")]
    return [Ops([
        op("add_file", 1, "a", 10), op("add_file_ttl", 2, "b", 20, 5), op("write_file", 3, "a", 11),
        op("delete_file", 4, "a"), op("rollback", 10, 3), op("get_size", 10, "a"), op("get_size", 13, "b"),
        op("get_size", 14, "b"), op("rollback", 15, 1), op("rollback", 16, 4), op("get_size", 18, "b"),
        op("recent", 18, 5),
    ], name="rollback")]


def _level1_cases():
    return [
        Ops([
            op("add_file", 0, "empty", 0), op("get_size", 1, "empty"), op("write_file", 2, "empty", 0),
            op("delete_file", 3, "empty"), op("get_size", 4, "empty"), op("delete_file", 5, "empty"),
        ], note="a size of 0 is a real size, not a missing file"),
        Ops([
            op("write_file", 0, "new", 5), op("get_size", 1, "new"), op("add_file", 2, "new", 6),
            op("write_file", 3, "new", 7), op("write_file", 4, "new", 8), op("get_size", 5, "new"),
        ], note="write_file does not create; it returns the previous size"),
        Ops([
            op("add_file", 0, "a", 1), op("add_file", 0, "b", 2), op("copy_file", 1, "a", "b"),
            op("get_size", 2, "b"), op("copy_file", 3, "zz", "c"), op("get_size", 4, "c"),
            op("copy_file", 5, "a", "a"), op("copy_file", 6, "a", "c"), op("write_file", 7, "a", 100),
            op("get_size", 8, "c"),
        ], note="copy never overwrites; a copy is independent of its source"),
        Ops([
            op("add_file", 0, "A", 1), op("get_size", 1, "a"), op("add_file", 2, "a", 2),
            op("add_file", 3, "a ", 3), op("get_size", 4, "A"), op("get_size", 5, "a "),
        ], note="names are exact and case-sensitive"),
        Ops([
            op("add_file", 0, "f", 10**12), op("copy_file", 0, "f", "g"), op("delete_file", 0, "f"),
            op("add_file", 0, "f", 3), op("get_size", 0, "f"), op("get_size", 0, "g"),
        ], note="many calls at one timestamp; delete then re-create"),
    ]


def _level2_cases():
    return [
        Ops([
            op("add_file", 0, "b", 5), op("add_file", 1, "a", 5), op("add_file", 2, "c", 9),
            op("add_file", 3, "B", 5), op("add_file", 4, "f10", 1), op("add_file", 5, "f9", 1),
            op("largest", 6, "", 10), op("largest", 6, "", 3), op("largest", 6, "f", 1),
        ], note="size descending, then name ascending in plain string order"),
        Ops([
            op("add_file", 0, "docs/a", 1), op("add_file", 0, "docs", 2), op("add_file", 0, "mydocs/a", 4),
            op("add_file", 0, "Docs/b", 8), op("largest", 1, "docs", 5), op("total_size", 1, "docs"),
            op("total_size", 1, "docs/"), op("total_size", 1, ""), op("largest", 1, "nothing", 3),
        ], note="a prefix must match at the start, case-sensitively"),
        Ops([
            op("add_file", 1, "x", 1), op("add_file", 1, "y", 1), op("add_file", 2, "z", 1),
            op("copy_file", 3, "x", "w"), op("write_file", 4, "y", 2), op("recent", 5, 10),
            op("recent", 5, 2), op("delete_file", 6, "y"), op("recent", 7, 2),
        ], note="recent: modification time descending, ties by name; copy modifies dest, not source"),
        Ops([
            op("largest", 0, "", 3), op("recent", 0, 3), op("total_size", 0, ""),
            op("add_file", 1, "a", 0), op("largest", 2, "", 1), op("total_size", 2, "a"),
        ], note="empty storage and zero sizes"),
    ]


def _level3_cases():
    return [
        Ops([
            op("add_file_ttl", 10, "t", 3, 5), op("get_size", 14, "t"), op("get_size", 15, "t"),
            op("delete_file", 15, "t"), op("write_file", 15, "t", 1),
        ], note="a TTL covers [timestamp, timestamp + ttl): gone at exactly timestamp + ttl"),
        Ops([
            op("add_file_ttl", 0, "t", 3, 5), op("add_file", 4, "t", 9), op("add_file", 5, "t", 9),
            op("get_size", 6, "t"), op("get_size", 100, "t"), op("add_file_ttl", 100, "u", 1, 1),
            op("copy_file", 101, "t", "u"), op("get_size", 102, "u"),
        ], note="an expired name is free again for add and for copy's dest"),
        Ops([
            op("add_file_ttl", 0, "t", 3, 10), op("copy_file", 5, "t", "c"), op("get_size", 9, "c"),
            op("get_size", 10, "c"), op("add_file", 11, "p", 1), op("copy_file", 12, "p", "q"),
            op("get_size", 10**6, "q"),
        ], note="a copy expires with its source (same expiry time, not a fresh TTL)"),
        Ops([
            op("add_file_ttl", 0, "t", 3, 10), op("write_file", 8, "t", 4), op("get_size", 9, "t"),
            op("get_size", 10, "t"), op("recent", 10, 5),
        ], note="write_file keeps the expiry"),
        Ops([
            op("add_file_ttl", 0, "t", 3, 10), op("set_ttl", 5, "t", 2), op("get_size", 6, "t"),
            op("get_size", 7, "t"), op("set_ttl", 7, "t", None), op("add_file_ttl", 8, "u", 1, 2),
            op("set_ttl", 9, "u", None), op("get_size", 50, "u"), op("set_ttl", 50, "nope", 3),
            op("recent", 51, 5),
        ], note="set_ttl counts from its own timestamp; None removes the expiry; modification time unchanged"),
        Ops([
            op("add_file", 0, "docs/a", 5), op("add_file_ttl", 1, "docs/b", 50, 4), op("add_file_ttl", 2, "docs/c", 7, 10),
            op("largest", 4, "docs/", 5), op("largest", 5, "docs/", 5), op("total_size", 5, "docs/"),
            op("recent", 12, 5), op("total_size", 12, ""),
        ], note="listings and totals leave expired files out"),
    ]


def _level4_cases():
    return [
        Ops([
            op("add_file", 1, "a", 1), op("add_file", 2, "b", 2), op("write_file", 3, "a", 3),
            op("delete_file", 4, "b"), op("copy_file", 5, "a", "c"), op("rollback", 6, 2),
            op("get_size", 6, "a"), op("get_size", 6, "b"), op("get_size", 6, "c"), op("recent", 6, 5),
        ], note="rollback undoes writes, deletes and copies, restoring modification times"),
        Ops([
            op("add_file", 5, "a", 1), op("add_file", 5, "b", 2), op("rollback", 5, 4), op("get_size", 6, "a"),
            op("rollback", 7, 0), op("add_file", 8, "a", 9), op("rollback", 9, 5),
        ], note="rolling back before the first file empties the storage"),
        Ops([
            op("add_file", 1, "a", 1), op("write_file", 2, "a", 2), op("write_file", 3, "a", 3),
            op("write_file", 3, "a", 4), op("rollback", 9, 2), op("get_size", 9, "a"),
            op("rollback", 10, 3), op("get_size", 10, "a"),
        ], note="every past state keeps its own sizes: 2 at the end of 2, and still 4 at the end of 3 after rolling back to 2"),
        Ops([
            op("add_file_ttl", 0, "t", 1, 10), op("rollback", 100, 4), op("get_size", 105, "t"),
            op("get_size", 106, "t"), op("rollback", 106, 10), op("get_size", 106, "t"),
        ], note="a restored file keeps its remaining lifetime: expires at e + (timestamp - to)"),
        Ops([
            op("add_file_ttl", 0, "t", 1, 5), op("add_file", 1, "p", 2), op("rollback", 9, 5),
            op("get_size", 9, "t"), op("rollback", 10, 4), op("get_size", 10, "t"), op("get_size", 10, "p"),
        ], note="a file already expired at `to` stays gone; at to = e - 1 it is restored"),
        Ops([
            op("add_file", 1, "a", 1), op("add_file", 2, "b", 2), op("add_file", 3, "c", 3),
            op("rollback", 4, 1), op("add_file", 5, "d", 4), op("rollback", 6, 2), op("largest", 6, "", 5),
            op("rollback", 7, 4), op("largest", 7, "", 5), op("rollback", 8, 5), op("largest", 8, "", 5),
        ], note="the state at `to` is what the storage really held then, even if a later rollback undid it"),
        Ops([
            op("add_file", 1, "a", 1), op("set_ttl", 2, "a", 3), op("rollback", 3, 1), op("get_size", 10, "a"),
            op("add_file", 11, "b", 5), op("rollback", 11, 11), op("get_size", 11, "b"),
        ], note="a file without expiry at `to` keeps none; rolling back to now changes nothing"),
    ]


_KINDS = {
    "add_file": (1, 14), "get_size": (1, 14), "write_file": (1, 10), "delete_file": (1, 6), "copy_file": (1, 8),
    "largest": (2, 5), "total_size": (2, 4), "recent": (2, 4),
    "add_file_ttl": (3, 10), "set_ttl": (3, 5), "rollback": (4, 6),
}


def _stream(rng, level, steps):
    kinds = [k for k, (lv, _) in _KINDS.items() if lv <= level]
    weights = [_KINDS[k][1] for k in kinds]
    names = rng.sample(NAMES, 5)
    ops = []
    ts = rng.randint(0, 3)
    for _ in range(steps):
        ts += rng.choice((0, 0, 1, 1, 2, 3))
        kind = rng.choices(kinds, weights)[0]
        name = rng.choice(names)
        size = rng.choice((0, 1, 5, 5, 10, 20, 64, 100))
        if kind in ("add_file", "write_file"):
            ops.append(op(kind, ts, name, size))
        elif kind in ("get_size", "delete_file"):
            ops.append(op(kind, ts, name))
        elif kind == "copy_file":
            ops.append(op(kind, ts, name, rng.choice(names)))
        elif kind in ("largest", "total_size"):
            prefix = rng.choice(PREFIXES)
            ops.append(op(kind, ts, prefix, rng.randint(1, 4)) if kind == "largest" else op(kind, ts, prefix))
        elif kind == "recent":
            ops.append(op(kind, ts, rng.randint(1, 4)))
        elif kind == "add_file_ttl":
            ops.append(op(kind, ts, name, size, rng.randint(1, 12)))
        elif kind == "set_ttl":
            ops.append(op(kind, ts, name, rng.choice((None, 1, 3, 8, 15))))
        else:
            ops.append(op("rollback", ts, max(0, ts - rng.randint(0, 15))))
    return Ops(ops, shrink=True, note="random stream")


def hidden(level, rng):
    cases = {1: _level1_cases, 2: _level2_cases, 3: _level3_cases, 4: _level4_cases}[level]()
    n_random = {1: 6, 2: 6, 3: 7, 4: 9}[level]
    cases += [_stream(rng, level, rng.randint(40, 120)) for _ in range(n_random)]
    return cases
