import importlib.util
from pathlib import Path

from rounds.testkit import Ops, op


def _reference():
    spec = importlib.util.spec_from_file_location("_memory_allocator_ref", Path(__file__).with_name("reference.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.Allocator


Allocator = _reference()


def examples(level):
    if level == 1:
        return [Ops(init=(10,), name="first fit and coalescing", ops=[
            op("malloc", "p1", 4), op("malloc", "p2", 4), op("malloc", "p3", 3), op("free", 5),
            op("free", 0), op("free", 0), op("malloc", "p3", 2), op("free", 4), op("malloc", "p4", 8),
            op("size_of", 2), op("free_bytes")])]
    if level == 2:
        return [Ops(init=(20,), name="rankings", ops=[
            op("malloc", "a", 3), op("malloc", "b", 5), op("malloc", "a", 2), op("malloc", "c", 5),
            op("top_owners", 5), op("free", 3), op("free_blocks", 1), op("free_owner", "a"),
            op("free_blocks", 6), op("largest_free"), op("usage", "a"), op("top_owners", 1)])]
    if level == 3:
        return [Ops(init=(30,), name="quotas and realloc", ops=[
            op("set_quota", "t", 8), op("malloc", "t", 5), op("malloc", "t", 4), op("malloc", "t", 3),
            op("realloc", 0, 6), op("set_quota", "t", None), op("realloc", 5, 10), op("realloc", 0, 7),
            op("free_blocks", 1), op("realloc", 5, 2), op("free_blocks", 1)])]
    return [Ops(init=(30,), name="policies and snapshots", ops=[
        op("malloc", "x", 10), op("malloc", "y", 4), op("malloc", "x", 6), op("free", 0), op("free", 14),
        op("set_policy", "best_fit"), op("malloc", "z", 5), op("snapshot"), op("set_policy", "next_fit"),
        op("malloc", "z", 2), op("malloc", "z", 4), op("restore", 1), op("malloc", "w", 3), op("snapshot"),
        op("set_policy", "worst")])]


OWNERS = ["a", "b", "c", "d", "ab"]


def _stream(rng, level, capacity, n):
    """A random op stream; the reference is simulated so that most addresses hit live allocations."""
    sim = Allocator(capacity)
    ops = []
    snaps = 0
    for _ in range(n):
        live = [b[0] for b in sim.blocks if b[2] is not None]
        starts = [b[0] for b in sim.blocks]

        def addr():
            r = rng.random()
            if live and r < 0.75:
                return rng.choice(live)
            if r < 0.9:
                return rng.choice(starts) + rng.choice([0, 1])
            return rng.randrange(-1, capacity + 2)

        choices = ["malloc"] * 5 + ["free"] * 3 + ["size_of", "free_bytes"]
        if level >= 2:
            choices += ["largest_free", "usage", "top_owners", "free_blocks", "free_blocks", "free_owner"]
        if level >= 3:
            choices += ["set_quota", "realloc", "realloc", "realloc"]
        if level >= 4:
            choices += ["set_policy", "set_policy", "snapshot", "restore", "restore"]
        m = rng.choice(choices)
        if m == "malloc":
            size = rng.choice([0, 1, 2, 3, 4, 5, 8, 10, rng.randint(1, capacity // 2 + 1)])
            o = op(m, rng.choice(OWNERS), size)
        elif m in ("free", "size_of"):
            o = op(m, addr())
        elif m in ("usage", "free_owner"):
            o = op(m, rng.choice(OWNERS))
        elif m == "top_owners":
            o = op(m, rng.randint(0, 6))
        elif m == "free_blocks":
            o = op(m, rng.choice([0, 1, 2, 3, 5, 8]))
        elif m == "set_quota":
            o = op(m, rng.choice(OWNERS), rng.choice([None, 0, 4, 10, 20, rng.randint(0, capacity)]))
        elif m == "realloc":
            o = op(m, addr(), rng.choice([0, 1, 2, 3, 5, 8, 12, rng.randint(1, capacity // 2 + 1)]))
        elif m == "set_policy":
            o = op(m, rng.choice(["first_fit", "best_fit", "next_fit", "next_fit", "worst_fit"]))
        elif m == "restore":
            o = op(m, rng.randint(0, snaps + 1))
        else:
            o = op(m)
        if m == "snapshot":
            snaps += 1
        getattr(sim, o[0])(*o[1])
        ops.append(o)
    return ops


def _generated(rng, level, count, n):
    out = []
    for _ in range(count):
        cap = rng.choice([16, 32, 50, 100])
        out.append(Ops(init=(cap,), ops=_stream(rng, level, cap, n), shrink=True,
                       note=f"random stream of level-{level} operations"))
    return out


def hidden(level, rng):
    if level == 1:
        cases = [
            Ops(init=(10,), note="a request of exactly the block's size fits", ops=[
                op("malloc", "a", 10), op("malloc", "a", 1), op("free", 0), op("malloc", "b", 10), op("free_bytes")]),
            Ops(init=(12,), note="a freed hole of exactly the right size is reused (size >= request)", ops=[
                op("malloc", "a", 4), op("malloc", "b", 4), op("malloc", "c", 4), op("free", 4),
                op("malloc", "d", 5), op("malloc", "d", 4), op("size_of", 4)]),
            Ops(init=(12,), note="coalescing with the block before and the block after", ops=[
                op("malloc", "a", 4), op("malloc", "b", 4), op("malloc", "c", 4), op("free", 0), op("free", 8),
                op("free", 4), op("malloc", "d", 12), op("size_of", 0)]),
            Ops(init=(12,), note="coalescing with the block before only", ops=[
                op("malloc", "a", 4), op("malloc", "b", 4), op("malloc", "c", 4), op("free", 0), op("free", 4),
                op("malloc", "d", 8), op("malloc", "e", 1)]),
            Ops(init=(9,), note="freeing the last block merges it with the free tail", ops=[
                op("malloc", "a", 3), op("malloc", "b", 3), op("free", 3), op("malloc", "c", 6), op("free_bytes")]),
            Ops(init=(10,), note="free(addr) only accepts the first byte of a live allocation", ops=[
                op("malloc", "a", 4), op("free", 2), op("free", 4), op("free", 10), op("free", -1), op("free", 0),
                op("free", 0), op("malloc", "b", 4), op("free", 4), op("free_bytes")]),
            Ops(init=(10,), note="size_of is None for free space and for the inside of an allocation", ops=[
                op("malloc", "a", 3), op("size_of", 0), op("size_of", 1), op("size_of", 3), op("size_of", 99)]),
            Ops(init=(8,), note="malloc of 0 or fewer bytes returns None", ops=[
                op("malloc", "a", 0), op("malloc", "a", -3), op("malloc", "a", 8), op("free_bytes")]),
            Ops(init=(10,), note="first fit takes the lowest block that fits, not the tightest", ops=[
                op("malloc", "a", 5), op("malloc", "b", 1), op("malloc", "c", 2), op("malloc", "d", 2),
                op("free", 0), op("free", 6), op("malloc", "e", 2), op("malloc", "e", 2)]),
            Ops(init=(10,), note="enough free bytes in total, but no contiguous block", ops=[
                op("malloc", "a", 3), op("malloc", "b", 3), op("malloc", "c", 3), op("free", 0), op("free", 6),
                op("free_bytes"), op("malloc", "d", 5), op("malloc", "d", 4)]),
        ]
        return cases + _generated(rng, 1, 4, 60)
    if level == 2:
        cases = [
            Ops(init=(30,), note="top_owners: bytes descending, then name ascending", ops=[
                op("malloc", "b", 4), op("malloc", "a", 4), op("malloc", "c", 9), op("malloc", "ab", 4),
                op("top_owners", 2), op("top_owners", 10), op("top_owners", 0), op("top_owners", -1)]),
            Ops(init=(30,), note="top_owners sums an owner's bytes over all its allocations", ops=[
                op("malloc", "x", 5), op("malloc", "y", 8), op("malloc", "x", 5), op("top_owners", 3),
                op("free", 0), op("top_owners", 3), op("usage", "x"), op("usage", "nobody")]),
            Ops(init=(30,), note="free_blocks: size descending, ties by address ascending; min_size inclusive", ops=[
                op("malloc", "a", 5), op("malloc", "b", 5), op("malloc", "c", 5), op("malloc", "d", 10),
                op("free", 0), op("free", 10), op("free_blocks", 5), op("free_blocks", 6), op("free_blocks", 0)]),
            Ops(init=(10,), note="full arena: empty lists and zero", ops=[
                op("malloc", "a", 10), op("free_blocks", 0), op("largest_free"), op("top_owners", 3),
                op("free_owner", "a"), op("top_owners", 3), op("largest_free")]),
            Ops(init=(20,), note="free_owner coalesces every block it releases", ops=[
                op("malloc", "a", 2), op("malloc", "b", 2), op("malloc", "a", 2), op("malloc", "a", 2),
                op("malloc", "b", 2), op("malloc", "a", 2), op("free_owner", "a"), op("free_blocks", 1),
                op("free_owner", "a"), op("free_owner", "zzz"), op("malloc", "c", 4)]),
        ]
        return cases + _generated(rng, 2, 4, 70)
    if level == 3:
        cases = [
            Ops(init=(30,), note="quota: reaching it exactly is allowed, exceeding it is not", ops=[
                op("set_quota", "t", 6), op("malloc", "t", 4), op("malloc", "t", 3), op("malloc", "t", 2),
                op("malloc", "u", 20), op("usage", "t")]),
            Ops(init=(30,), note="a quota below current usage refuses growth but frees nothing; None lifts it", ops=[
                op("malloc", "t", 10), op("set_quota", "t", 4), op("usage", "t"), op("malloc", "t", 1),
                op("realloc", 0, 11), op("realloc", 0, 6), op("usage", "t"), op("set_quota", "t", None),
                op("malloc", "t", 20)]),
            Ops(init=(30,), note="realloc growth is checked against the quota with the extra bytes only", ops=[
                op("set_quota", "t", 10), op("malloc", "t", 6), op("realloc", 0, 10), op("realloc", 0, 11),
                op("size_of", 0)]),
            Ops(init=(30,), note="realloc grows in place when the next block is free and large enough", ops=[
                op("malloc", "a", 5), op("malloc", "b", 5), op("free", 5), op("realloc", 0, 10), op("size_of", 0),
                op("malloc", "c", 1), op("realloc", 0, 11), op("free_blocks", 1)]),
            Ops(init=(20,), note="realloc that moves searches while the old block is still held", ops=[
                op("malloc", "a", 4), op("malloc", "b", 4), op("malloc", "c", 4), op("free", 0),
                op("realloc", 4, 6), op("free_blocks", 1), op("size_of", 12)]),
            Ops(init=(16,), note="a free block before the allocation is not used to grow it", ops=[
                op("malloc", "a", 4), op("malloc", "b", 4), op("malloc", "c", 8), op("free", 0),
                op("realloc", 4, 8), op("free_blocks", 0)]),
            Ops(init=(20,), note="shrink releases the tail and merges it with the free block after", ops=[
                op("malloc", "a", 10), op("realloc", 0, 4), op("free_blocks", 0), op("malloc", "b", 3),
                op("realloc", 0, 2), op("free_blocks", 0)]),
            Ops(init=(20,), note="realloc on bad addresses or sizes returns None and changes nothing", ops=[
                op("malloc", "a", 5), op("realloc", 2, 3), op("realloc", 5, 3), op("realloc", 0, 0),
                op("realloc", 0, 5), op("realloc", 0, 21), op("size_of", 0), op("free_bytes")]),
        ]
        return cases + _generated(rng, 3, 4, 80)
    cases = [
        Ops(init=(30,), note="best fit: the smallest block that fits, ties to the lowest address", ops=[
            op("malloc", "a", 4), op("malloc", "b", 1), op("malloc", "c", 3), op("malloc", "d", 1),
            op("malloc", "e", 3), op("malloc", "f", 1), op("free", 0), op("free", 5), op("free", 9),
            op("set_policy", "best_fit"), op("malloc", "g", 3), op("malloc", "g", 3), op("malloc", "g", 3)]),
        Ops(init=(20,), note="next fit continues after the last placement and wraps around", ops=[
            op("malloc", "a", 5), op("malloc", "b", 5), op("malloc", "c", 5), op("free", 0),
            op("set_policy", "next_fit"), op("malloc", "d", 2), op("malloc", "d", 3), op("malloc", "d", 2)]),
        Ops(init=(20,), note="the cursor moves with every placement, whatever the policy", ops=[
            op("malloc", "a", 4), op("malloc", "b", 4), op("malloc", "c", 4), op("free", 0), op("free", 8),
            op("malloc", "x", 2), op("set_policy", "next_fit"), op("malloc", "y", 2), op("malloc", "y", 2)]),
        Ops(init=(20,), note="an unknown policy name is refused and changes nothing", ops=[
            op("malloc", "a", 6), op("malloc", "b", 2), op("free", 0), op("set_policy", "worst_fit"),
            op("malloc", "c", 2), op("set_policy", "best_fit"), op("set_policy", "FIRST_FIT"), op("malloc", "c", 2)]),
        Ops(init=(20,), note="a snapshot is not changed by later operations, and can be restored twice", ops=[
            op("malloc", "a", 5), op("snapshot"), op("malloc", "b", 5), op("free", 0), op("restore", 1),
            op("size_of", 0), op("free", 0), op("malloc", "c", 3), op("restore", 1), op("size_of", 0),
            op("size_of", 5), op("usage", "c")]),
        Ops(init=(20,), note="snapshot ids count over the whole lifetime; restore does not rewind them", ops=[
            op("snapshot"), op("snapshot"), op("restore", 1), op("snapshot"), op("restore", 2), op("restore", 3),
            op("restore", 4), op("restore", 0)]),
        Ops(init=(20,), note="restore brings back quotas, the policy and the next-fit cursor", ops=[
            op("set_quota", "a", 5), op("malloc", "a", 3), op("snapshot"), op("set_quota", "a", None),
            op("set_policy", "next_fit"), op("malloc", "b", 4), op("free", 0), op("restore", 1),
            op("malloc", "a", 3), op("set_policy", "next_fit"), op("free", 0), op("malloc", "c", 2)]),
    ]
    return cases + _generated(rng, 4, 4, 90)
