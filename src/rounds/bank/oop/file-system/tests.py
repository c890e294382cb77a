import importlib.util
from pathlib import Path

from rounds.testkit import Ops, op


def _reference():
    spec = importlib.util.spec_from_file_location("_file_system_ref", Path(__file__).with_name("reference.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.FileSystem


FileSystem = _reference()


def examples(level):
    if level == 1:
        return [Ops(name="files and directories", ops=[
            op("mkdir", "/data"), op("mkdir", "/data/raw/2024"), op("write", "/data/a.csv", "x,y"),
            op("write", "/data/a.csv", "x,y,z"), op("read", "/data/a.csv"), op("mkdir", "/data/B"), op("ls", "/data"),
            op("ls", "/data/a.csv"), op("write", "/data", "oops"), op("rm", "/data"), op("rm", "/data/B"),
            op("read", "/data/B")])]
    if level == 2:
        return [Ops(name="tree queries", ops=[
            op("mkdir", "/run"), op("mkdir", "/run/ckpt"), op("write", "/run/ckpt/e1.pt", "aaaa"),
            op("write", "/run/ckpt/e2.pt", "bbbb"), op("write", "/run/log.txt", "ok"), op("size", "/run"),
            op("largest", "/", 2), op("find", "/run", ".pt"), op("rm_tree", "/run/ckpt"), op("size", "/"),
            op("rm_tree", "/run/ckpt")])]
    if level == 3:
        return [Ops(name="symbolic links", ops=[
            op("mkdir", "/runs"), op("mkdir", "/runs/r1"), op("write", "/runs/r1/m.pt", "wts"),
            op("symlink", "/latest", "/runs/r1"), op("read", "/latest/m.pt"), op("find", "/latest", ".pt"),
            op("realpath", "/latest/m.pt"), op("symlink", "/loop", "/loop"), op("read", "/loop"),
            op("symlink", "/next", "/runs/r2/plan"), op("write", "/next", "y"), op("rm", "/latest"),
            op("ls", "/runs/r1"), op("readlink", "/next")])]
    return [Ops(name="owners and permissions", ops=[
        op("mkdir", "/home"), op("chmod", "/home", "rwxrwx"), op("mkdir", "/home/ana", "ana"),
        op("write", "/home/ana/notes", "hi", "ana"), op("read", "/home/ana/notes", "bob"),
        op("write", "/home/ana/notes", "bye", "bob"), op("write", "/home/ana/new", "x", "bob"),
        op("chmod", "/home/ana", "rwx---", "bob"), op("chmod", "/home/ana", "rwx---", "ana"),
        op("read", "/home/ana/notes", "bob"), op("read", "/home/ana/notes")])]


NAMES = ["a", "b", "x.txt", "y.py", "l"]
USERS = ["root", "ana", "ana", "bob"]
MODES = ["rwxr-x", "rwxrwx", "rwx---", "r-xr-x", "rw-r--", "rw-rw-", "---rwx", "r--r--", "rwxr", "rwxrwxr"]


def _existing(fs):
    out = []

    def walk(node, parts):
        for name, child in node.children.items():
            out.append("/" + "/".join(parts + [name]))
            if child.kind == "dir":
                walk(child, parts + [name])
    walk(fs.root, [])
    return out


def _stream(rng, level, n):
    sim = FileSystem()
    ops = []
    for _ in range(n):
        have = _existing(sim)

        def path(fresh=False):
            if have and rng.random() < 0.6:
                base = rng.choice(have)
                return base + "/" + rng.choice(NAMES) if fresh or rng.random() < 0.3 else base
            return "/" + "/".join(rng.choice(NAMES) for _ in range(rng.randint(1, 3)))

        choices = ["mkdir"] * 4 + ["write"] * 4 + ["read", "ls", "ls", "rm", "rm"]
        if level >= 2:
            choices += ["size", "largest", "find", "rm_tree"]
        if level >= 3:
            choices += ["symlink"] * 3 + ["readlink", "realpath", "read", "write"]
        if level >= 4:
            choices += ["chmod"] * 3
        m = rng.choice(choices)
        if m == "mkdir":
            o = op(m, path(fresh=True))
        elif m == "write":
            o = op(m, path(fresh=rng.random() < 0.5), rng.choice(["", "ab", "abc", "abcd", "xyzw", "q" * 7]))
        elif m in ("read", "ls", "rm", "size", "rm_tree", "readlink", "realpath"):
            o = op(m, path() if rng.random() < 0.8 else "/")
        elif m == "largest":
            o = op(m, path() if rng.random() < 0.6 else "/", rng.randint(0, 4))
        elif m == "find":
            o = op(m, path() if rng.random() < 0.6 else "/", rng.choice(["", ".txt", ".py", "y", "x.txt"]))
        elif m == "symlink":
            target = rng.choice(have) if have and rng.random() < 0.7 else path()
            o = op(m, path(fresh=True), rng.choice([target, target, "/"]))
        else:
            o = op(m, path() if rng.random() < 0.8 else "/", rng.choice(MODES))
        if level >= 4 and rng.random() < 0.7:
            o = (o[0], o[1] + (rng.choice(USERS),))
        getattr(sim, o[0])(*o[1])
        ops.append(o)
    return ops


def _generated(rng, level, count, n):
    return [Ops(ops=_stream(rng, level, n), shrink=True, note=f"random stream of level-{level} operations")
            for _ in range(count)]


def hidden(level, rng):
    if level == 1:
        cases = [
            Ops(note="mkdir does not create missing parents", ops=[
                op("mkdir", "/a/b"), op("ls", "/a"), op("mkdir", "/a"), op("mkdir", "/a/b"), op("ls", "/a"),
                op("mkdir", "/a/b"), op("mkdir", "/")]),
            Ops(note="ls sorts names in plain string order", ops=[
                op("mkdir", "/d"), op("write", "/d/b", ""), op("write", "/d/a10", ""), op("write", "/d/a2", ""),
                op("mkdir", "/d/Z"), op("ls", "/d"), op("ls", "/"), op("ls", "/nope")]),
            Ops(note="ls of a file is its own name; read of a directory is None", ops=[
                op("mkdir", "/d"), op("write", "/d/f.txt", "hello"), op("ls", "/d/f.txt"), op("read", "/d"),
                op("read", "/d/g"), op("write", "/d/e", ""), op("read", "/d/e")]),
            Ops(note="a file cannot be written over a directory, nor used as one", ops=[
                op("mkdir", "/d"), op("write", "/d", "x"), op("write", "/f", "x"), op("mkdir", "/f"),
                op("mkdir", "/f/g"), op("write", "/f/g", "y"), op("read", "/f/g"), op("ls", "/f/g"), op("read", "/f")]),
            Ops(note="rm: files and empty directories only, never the root", ops=[
                op("mkdir", "/d"), op("write", "/d/f", "x"), op("rm", "/d"), op("rm", "/d/f"), op("rm", "/d/f"),
                op("rm", "/d"), op("ls", "/"), op("rm", "/")]),
        ]
        return cases + _generated(rng, 1, 4, 60)
    if level == 2:
        cases = [
            Ops(note="largest: size descending, then full path ascending", ops=[
                op("mkdir", "/b"), op("mkdir", "/a"), op("write", "/b/x", "123"), op("write", "/a/y", "123"),
                op("write", "/a/z", "12345"), op("write", "/c", ""), op("largest", "/", 10), op("largest", "/", 2),
                op("largest", "/a", 0), op("largest", "/b/x", 5), op("largest", "/nope", 5)]),
            Ops(note="size: files only, recursively; an empty directory has size 0", ops=[
                op("mkdir", "/a"), op("mkdir", "/a/b"), op("mkdir", "/a/e"), op("write", "/a/b/f", "1234"),
                op("write", "/a/g", "12"), op("size", "/a"), op("size", "/a/e"), op("size", "/a/g"), op("size", "/zz")]),
            Ops(note="find matches the file name's suffix and never lists directories", ops=[
                op("mkdir", "/m.txt"), op("write", "/m.txt/a.txt", "1"), op("write", "/m.txt/b.py", "1"),
                op("write", "/c.txt", "1"), op("find", "/", ".txt"), op("find", "/", ""), op("find", "/m.txt", "py"),
                op("find", "/c.txt", ".txt"), op("find", "/nope", "")]),
            Ops(note="rm_tree counts removed files, not directories", ops=[
                op("mkdir", "/a"), op("mkdir", "/a/b"), op("mkdir", "/a/b/c"), op("write", "/a/b/f", "1"),
                op("write", "/a/g", "1"), op("rm_tree", "/a/b/c"), op("rm_tree", "/a"), op("ls", "/"),
                op("rm_tree", "/a"), op("rm_tree", "/"), op("write", "/h", "x"), op("rm_tree", "/h")]),
        ]
        return cases + _generated(rng, 2, 4, 70)
    if level == 3:
        cases = [
            Ops(note="rm and rm_tree act on the link, never its target", ops=[
                op("mkdir", "/d"), op("write", "/d/f", "abc"), op("symlink", "/l", "/d"), op("symlink", "/m", "/d/f"),
                op("rm", "/m"), op("read", "/d/f"), op("rm_tree", "/l"), op("ls", "/d"), op("ls", "/")]),
            Ops(note="8 links may be followed in one resolution; a 9th fails", ops=[
                op("write", "/f", "end"), op("symlink", "/l1", "/f"), op("symlink", "/l2", "/l1"),
                op("symlink", "/l3", "/l2"), op("symlink", "/l4", "/l3"), op("symlink", "/l5", "/l4"),
                op("symlink", "/l6", "/l5"), op("symlink", "/l7", "/l6"), op("symlink", "/l8", "/l7"),
                op("symlink", "/l9", "/l8"), op("read", "/l8"), op("read", "/l9"), op("realpath", "/l8"),
                op("realpath", "/l9"), op("readlink", "/l9")]),
            Ops(note="links inside a path are followed from the root, then the rest of the path", ops=[
                op("mkdir", "/x"), op("mkdir", "/x/y"), op("write", "/x/y/f", "1"), op("symlink", "/x/up", "/x"),
                op("read", "/x/up/up/y/f"), op("realpath", "/x/up/y"), op("mkdir", "/x/up/z"), op("ls", "/x"),
                op("symlink", "/r", "/"), op("ls", "/r/x/up"), op("realpath", "/r")]),
            Ops(note="subtree walks do not follow links; reported paths are canonical", ops=[
                op("mkdir", "/d"), op("write", "/d/f", "12"), op("mkdir", "/e"), op("symlink", "/e/to_d", "/d"),
                op("symlink", "/d/self", "/d"), op("size", "/e"), op("find", "/e", ""), op("size", "/e/to_d"),
                op("largest", "/e/to_d", 5), op("find", "/e/to_d", ""), op("rm_tree", "/e"), op("size", "/d")]),
            Ops(note="write through a link writes the target, creating it only if its parent exists", ops=[
                op("mkdir", "/d"), op("symlink", "/l", "/d/new"), op("write", "/l", "hi"), op("read", "/d/new"),
                op("ls", "/l"), op("symlink", "/bad", "/nope/new"), op("write", "/bad", "x"), op("ls", "/"),
                op("symlink", "/dl", "/d"), op("write", "/dl", "x")]),
            Ops(note="dangling links and loops do not resolve, but readlink still answers", ops=[
                op("symlink", "/a", "/b"), op("symlink", "/b", "/a"), op("read", "/a"), op("ls", "/a"),
                op("realpath", "/a"), op("size", "/a"), op("readlink", "/a"), op("mkdir", "/a/c"), op("rm", "/a"),
                op("readlink", "/b"), op("realpath", "/b"), op("symlink", "/b", "/x")]),
        ]
        return cases + _generated(rng, 3, 4, 80)
    cases = [
        Ops(note="owner bits for the owner, other bits for everyone else", ops=[
            op("mkdir", "/p"), op("chmod", "/p", "rwxrwx"), op("write", "/p/f", "s", "ana"), op("chmod", "/p/f", "---rw-", "ana"),
            op("read", "/p/f", "ana"), op("read", "/p/f", "bob"), op("write", "/p/f", "t", "bob"), op("read", "/p/f")]),
        Ops(note="every directory on the way needs x, the root included", ops=[
            op("mkdir", "/a"), op("mkdir", "/a/b"), op("write", "/a/b/f", "v"), op("chmod", "/a", "rwxrw-"),
            op("read", "/a/b/f", "bob"), op("ls", "/a", "bob"), op("chmod", "/a", "rwxr-x"), op("read", "/a/b/f", "bob"),
            op("chmod", "/", "rwx---"), op("read", "/a/b/f", "bob"), op("read", "/a/b/f")]),
        Ops(note="creating needs w on the parent; overwriting needs w on the file only", ops=[
            op("mkdir", "/d"), op("write", "/d/f", "1"), op("chmod", "/d/f", "rw-rw-"), op("write", "/d/f", "2", "bob"),
            op("write", "/d/g", "3", "bob"), op("mkdir", "/d/e", "bob"), op("read", "/d/f"), op("chmod", "/d", "rwxrwx"),
            op("write", "/d/g", "3", "bob"), op("ls", "/d", "bob")]),
        Ops(note="chmod: only the owner or root; the mode must be six valid characters", ops=[
            op("mkdir", "/d", "ana"), op("chmod", "/d", "rwxrwx", "bob"), op("chmod", "/d", "rwx", "ana"),
            op("chmod", "/d", "rwxrwz", "ana"), op("chmod", "/d", "rwxrwx", "ana"), op("mkdir", "/d/b", "bob"),
            op("chmod", "/d/b", "------"), op("ls", "/d/b", "bob"), op("chmod", "/nope", "rwxrwx")]),
        Ops(note="rm needs w on the parent, not on the removed node", ops=[
            op("mkdir", "/d"), op("chmod", "/d", "rwxrwx"), op("write", "/d/f", "1"), op("chmod", "/d/f", "------"),
            op("rm", "/d/f", "bob"), op("write", "/d/g", "1"), op("chmod", "/d", "rwxr-x"), op("rm", "/d/g", "bob"),
            op("rm_tree", "/d", "bob"), op("rm_tree", "/d", "ana"), op("rm_tree", "/d")]),
        Ops(note="permissions are checked again along a link's target", ops=[
            op("mkdir", "/s"), op("write", "/s/f", "secret"), op("chmod", "/s", "rwx---"), op("symlink", "/pub", "/s/f"),
            op("read", "/pub", "bob"), op("readlink", "/pub", "bob"), op("realpath", "/pub", "bob"), op("read", "/pub")]),
    ]
    return cases + _generated(rng, 4, 4, 90)
