"""Hidden tests for the cloud storage: fixed trap cases and random op streams."""

from rounds.testkit import Ops, op

BASE = ["docs/a.pdf", "docs/b.txt", "docs/sub/c.pdf", "docs2/d.pdf", "docs", "img/x.png", "a", "ab", "video"]
PREFIXES = ["", "docs", "docs/", "a", "img/", "v"]
SUFFIXES = ["", ".pdf", "b", "a", ".COMPRESSED", "o"]
PATHS = ["", "docs", "docs/sub", "doc", "img", "a"]
USERS = ["ann", "bob", "cy"]


def examples(level):
    if level == 1:
        return [Ops([
            op("add_file", "notes.txt", 120), op("add_file", "notes.txt", 5),
            op("copy_file", "notes.txt", "backup/notes.txt"), op("copy_file", "missing", "x"),
            op("delete_file", "notes.txt"), op("get_file_size", "backup/notes.txt"), op("get_file_size", "notes.txt"),
        ], name="shared files")]
    if level == 2:
        return [Ops([
            op("add_file", "docs/a.pdf", 40), op("add_file", "docs/b.txt", 10), op("add_file", "docs/sub/c.pdf", 40),
            op("add_file", "docs2/d.pdf", 7), op("add_file", "docs", 1),
            op("find_files", "docs/", ".pdf", 5), op("find_files", "", "", 2), op("dir_size", "docs"),
            op("dir_size", "docs/sub"), op("dir_size", ""), op("dir_size", "doc"),
        ], name="search and folders")]
    if level == 3:
        return [Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "a/big", 60), op("add_user_file", "ann", "a/small", 50),
            op("add_user_file", "ann", "a/fits", 40), op("copy_file", "a/fits", "a/copy"), op("add_user", "bob", 10),
            op("top_users", 5), op("update_capacity", "ann", 45), op("get_file_size", "a/big"),
        ], name="quotas")]
    return [Ops([
        op("add_user", "ann", 100), op("add_user_file", "ann", "video", 61), op("compress_file", "ann", "video"),
        op("backup_user", "ann"), op("add_user_file", "ann", "photo", 50),
        op("decompress_file", "ann", "video.COMPRESSED"), op("restore_user", "ann"),
        op("decompress_file", "ann", "video.COMPRESSED"), op("get_file_size", "video"),
    ], name="compress, back up, restore")]


def _level1_cases():
    return [
        Ops([
            op("add_file", "e", 0), op("get_file_size", "e"), op("delete_file", "e"), op("delete_file", "e"),
            op("get_file_size", "e"),
        ], note="a size of 0 is a real size; a second delete gives None"),
        Ops([
            op("add_file", "a", 1), op("add_file", "b", 2), op("copy_file", "a", "b"), op("get_file_size", "b"),
            op("copy_file", "a", "a"), op("copy_file", "zz", "c"), op("get_file_size", "c"),
            op("copy_file", "a", "c"), op("delete_file", "a"), op("get_file_size", "c"),
        ], note="copy never overwrites; the copy survives its source"),
        Ops([
            op("add_file", "Docs/x", 1), op("get_file_size", "docs/x"), op("add_file", "docs/x", 2),
            op("add_file", "docs/x", 3), op("get_file_size", "docs/x"), op("get_file_size", "Docs/x"),
        ], note="names are case-sensitive"),
    ]


def _level2_cases():
    return [
        Ops([
            op("add_file", "a", 1), op("add_file", "ab", 2), op("add_file", "aba", 3), op("add_file", "b", 4),
            op("find_files", "a", "a", 5), op("find_files", "ab", "b", 5), op("find_files", "aba", "ba", 5),
            op("find_files", "", "b", 5), op("find_files", "abc", "", 5),
        ], note="prefix and suffix may overlap inside a short name"),
        Ops([
            op("add_file", "r/b", 5), op("add_file", "r/a", 5), op("add_file", "r/C", 5), op("add_file", "r/z", 9),
            op("add_file", "r/a10", 1), op("add_file", "r/a9", 1),
            op("find_files", "r/", "", 10), op("find_files", "r/", "", 2), op("find_files", "r/a", "", 10),
        ], note="size descending, then name ascending in plain string order"),
        Ops([
            op("add_file", "docs", 1), op("add_file", "docs/a", 10), op("add_file", "docs/x/y/z", 100),
            op("add_file", "docs2/a", 1000), op("add_file", "doc/s", 10000),
            op("dir_size", "docs"), op("dir_size", "doc"), op("dir_size", "docs/x"), op("dir_size", "docs/x/y"),
            op("dir_size", "docs/a"), op("dir_size", ""), op("dir_size", "nothing"),
        ], note="a folder is the prefix path + '/': a file named like the folder is not inside it"),
        Ops([
            op("find_files", "", "", 3), op("dir_size", ""), op("add_file", "x", 0), op("find_files", "x", "x", 1),
            op("dir_size", ""),
        ], note="empty storage and zero sizes"),
    ]


def _level3_cases():
    return [
        Ops([
            op("add_user", "ann", 10), op("add_user", "ann", 99), op("add_user_file", "ann", "f", 10),
            op("add_user_file", "ann", "g", 0), op("add_user_file", "ann", "h", 1), op("add_user_file", "bob", "i", 1),
            op("add_user_file", "ann", "f", 1), op("get_file_size", "h"), op("top_users", 3),
        ], note="filling the quota exactly is allowed; one byte more is not"),
        Ops([
            op("add_user", "ann", 10), op("add_user_file", "ann", "f", 6), op("delete_file", "f"),
            op("add_user_file", "ann", "g", 10), op("add_file", "shared", 50), op("copy_file", "shared", "s2"),
            op("top_users", 3), op("copy_file", "g", "g2"), op("delete_file", "g"), op("copy_file", "shared", "g"),
            op("add_user_file", "ann", "h", 10),
        ], note="delete frees the owner's space; shared files and their copies count for nobody"),
        Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "f", 30), op("copy_file", "f", "f2"),
            op("copy_file", "f", "f3"), op("copy_file", "f", "f4"), op("top_users", 1), op("delete_file", "f"),
            op("copy_file", "f2", "f4"), op("add_user_file", "ann", "x", 11),
        ], note="a copy of a user's file counts against that user's quota"),
        Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "b", 30), op("add_user_file", "ann", "a", 30),
            op("add_user_file", "ann", "c", 20), op("add_user_file", "ann", "d", 20), op("update_capacity", "ann", 75),
            op("get_file_size", "a"), op("get_file_size", "b"), op("update_capacity", "ann", 55),
            op("get_file_size", "b"), op("update_capacity", "ann", 55),
            op("update_capacity", "ann", 19), op("find_files", "", "", 5), op("update_capacity", "zz", 5),
        ], note="update_capacity deletes the largest files first, ties by name, only until it fits"),
        Ops([
            op("top_users", 2), op("add_user", "zed", 5), op("add_user", "amy", 5), op("add_user", "Bob", 50),
            op("add_user_file", "zed", "z", 3), op("add_user_file", "amy", "y", 3), op("top_users", 5),
            op("top_users", 1),
        ], note="top_users: used descending, then id; users with nothing are listed"),
    ]


def _level4_cases():
    return [
        Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "v", 7), op("compress_file", "ann", "v"),
            op("get_file_size", "v.COMPRESSED"), op("get_file_size", "v"), op("decompress_file", "ann", "v.COMPRESSED"),
            op("get_file_size", "v"), op("add_user_file", "ann", "w", 1), op("compress_file", "ann", "w"),
            op("get_file_size", "w.COMPRESSED"),
        ], note="compression rounds down; decompression restores the exact original size"),
        Ops([
            op("add_user", "ann", 100), op("add_user", "bob", 100), op("add_user_file", "ann", "f", 10),
            op("compress_file", "bob", "f"), op("add_file", "s", 10), op("compress_file", "ann", "s"),
            op("compress_file", "ann", "nope"), op("add_user_file", "ann", "f.COMPRESSED", 1),
            op("compress_file", "ann", "f"), op("compress_file", "ann", "f.COMPRESSED"),
            op("decompress_file", "ann", "f.COMPRESSED"),
        ], note="compress needs the owner, a name not already compressed and a free target name"),
        Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "f", 40), op("compress_file", "ann", "f"),
            op("copy_file", "f.COMPRESSED", "g.COMPRESSED"), op("decompress_file", "ann", "g.COMPRESSED"),
            op("add_user_file", "ann", "f", 1), op("decompress_file", "ann", "f.COMPRESSED"),
            op("delete_file", "f"), op("decompress_file", "bob", "f.COMPRESSED"),
            op("decompress_file", "ann", "f.COMPRESSED"),
        ], note="only files made by compress_file decompress; the original name must be free"),
        Ops([
            op("add_user", "ann", 60), op("add_user_file", "ann", "f", 50), op("compress_file", "ann", "f"),
            op("add_user_file", "ann", "g", 35), op("decompress_file", "ann", "f.COMPRESSED"),
            op("delete_file", "g"), op("add_user_file", "ann", "g", 10), op("decompress_file", "ann", "f.COMPRESSED"),
        ], note="decompressing must fit: used - compressed + original <= capacity"),
        Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "a", 10), op("backup_user", "ann"),
            op("add_user_file", "ann", "b", 20), op("delete_file", "a"), op("restore_user", "ann"),
            op("get_file_size", "a"), op("get_file_size", "b"), op("top_users", 1),
        ], note="a backup is a copy taken at that moment; later changes do not leak into it"),
        Ops([
            op("add_user", "ann", 100), op("add_user", "bob", 100), op("add_user_file", "ann", "a", 10),
            op("add_user_file", "ann", "b", 10), op("backup_user", "ann"), op("delete_file", "a"),
            op("add_user_file", "bob", "a", 5), op("add_file", "b2", 1), op("restore_user", "ann"),
            op("get_file_size", "a"), op("top_users", 2), op("restore_user", "ann"), op("restore_user", "cy"),
            op("backup_user", "cy"),
        ], note="restore skips names now taken by someone else; the backup stays for another restore"),
        Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "a", 80), op("backup_user", "ann"),
            op("update_capacity", "ann", 10), op("restore_user", "ann"), op("top_users", 1),
            op("add_user_file", "ann", "t", 0), op("update_capacity", "ann", 100),
        ], note="restore does not check capacity"),
        Ops([
            op("add_user", "ann", 100), op("add_user_file", "ann", "v", 9), op("compress_file", "ann", "v"),
            op("backup_user", "ann"), op("decompress_file", "ann", "v.COMPRESSED"), op("restore_user", "ann"),
            op("get_file_size", "v"), op("decompress_file", "ann", "v.COMPRESSED"), op("restore_user", "bob"),
            op("add_user", "bob", 5), op("restore_user", "bob"), op("backup_user", "bob"),
        ], note="a restored compressed file still decompresses; no backup restores nothing"),
    ]


_KINDS = {
    "add_file": (1, 10), "get_file_size": (1, 8), "delete_file": (1, 5), "copy_file": (1, 8),
    "find_files": (2, 5), "dir_size": (2, 5),
    "add_user": (3, 3), "add_user_file": (3, 14), "update_capacity": (3, 3), "top_users": (3, 3),
    "compress_file": (4, 7), "decompress_file": (4, 7), "backup_user": (4, 3), "restore_user": (4, 3),
}


def _stream(rng, level, steps):
    kinds = [k for k, (lv, _) in _KINDS.items() if lv <= level]
    weights = [_KINDS[k][1] for k in kinds]
    names = rng.sample(BASE, 6)
    pool = names + [n + ".COMPRESSED" for n in names[:3]] if level >= 4 else names
    ops = []
    if level >= 3:
        ops += [op("add_user", u, rng.choice((20, 50, 100, 200))) for u in USERS[:2]]
    for _ in range(steps):
        kind = rng.choices(kinds, weights)[0]
        name = rng.choice(pool)
        size = rng.choice((0, 1, 5, 9, 20, 33, 64))
        user = rng.choice(USERS)
        if kind == "add_file":
            ops.append(op(kind, name, size))
        elif kind in ("get_file_size", "delete_file"):
            ops.append(op(kind, name))
        elif kind == "copy_file":
            ops.append(op(kind, name, rng.choice(pool)))
        elif kind == "find_files":
            ops.append(op(kind, rng.choice(PREFIXES), rng.choice(SUFFIXES), rng.randint(1, 4)))
        elif kind == "dir_size":
            ops.append(op(kind, rng.choice(PATHS)))
        elif kind == "add_user":
            ops.append(op(kind, user, rng.choice((0, 20, 50, 100))))
        elif kind == "add_user_file":
            ops.append(op(kind, user, name, size))
        elif kind == "update_capacity":
            ops.append(op(kind, user, rng.choice((0, 10, 30, 60, 150))))
        elif kind == "top_users":
            ops.append(op(kind, rng.randint(1, 3)))
        elif kind in ("compress_file", "backup_user", "restore_user"):
            ops.append(op(kind, user, name) if kind == "compress_file" else op(kind, user))
        else:
            base = rng.choice(names[:3])
            ops.append(op(kind, user, base + ".COMPRESSED" if rng.random() < 0.8 else base))
    return Ops(ops, shrink=True, note="random stream")


def hidden(level, rng):
    cases = {1: _level1_cases, 2: _level2_cases, 3: _level3_cases, 4: _level4_cases}[level]()
    n_random = {1: 6, 2: 6, 3: 7, 4: 8}[level]
    cases += [_stream(rng, level, rng.randint(40, 120)) for _ in range(n_random)]
    return cases
