"""Operation streams for the paged KV cache. Streams are generated alongside a run of the reference
(loaded from this package) so that every generated call is meaningful: appends that must fail with
MemoryError, reads of freed sequences that must raise KeyError, forks of live sequences only.

Arrays are compared to float64 tolerance, block tables and counts exactly.
"""

import importlib.util
import random
from pathlib import Path

import numpy as np

from rounds.testkit import Ops, custom, floats, op

_arr = floats(atol=1e-10, rtol=1e-8)


def _step_check(actual, expected, args):
    if isinstance(expected, (np.ndarray, tuple)):
        if isinstance(expected, tuple) and not isinstance(actual, tuple):
            return "gather must return a tuple (K, V)"
        o = _arr(actual, expected, args)
        return None if o.ok else o.message
    if type(actual) is not type(expected):
        return f"returned a {type(actual).__name__}, expected a {type(expected).__name__}"
    return None if actual == expected else "wrong value"


step_checker = custom(_step_check)


def _reference():
    spec = importlib.util.spec_from_file_location("_paged_ref", Path(__file__).with_name("reference.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.PagedKVCache


def stream(seed, num_blocks, block_size, heads, dim, n_ops, note, forks=False, max_seqs=4, read_every=0.25,
           free_prob=0.05, bad_reads=False):
    r = random.Random(seed)
    g = np.random.default_rng(seed)
    ref = _reference()(num_blocks, block_size, heads, dim)
    alive, ops, next_id = [], [], 0

    def kv():
        return g.normal(size=(heads, dim)), g.normal(size=(heads, dim))

    for _ in range(n_ops):
        x = r.random()
        if alive and x < read_every:
            s = r.choice(alive)
            kind = r.choice(["gather", "attend", "block_table", "num_free_blocks"])
            args = (s, g.normal(size=(heads, dim))) if kind == "attend" else (() if kind == "num_free_blocks" else (s,))
            ops.append(op(kind, *args))
        elif alive and x < read_every + free_prob:
            s = r.choice(alive)
            alive.remove(s)
            ref.free(s)
            ops.append(op("free", s))
            if bad_reads:
                ops.append(op("block_table", s))  # must raise KeyError
        elif forks and alive and x < read_every + free_prob + 0.05 and len(alive) < max_seqs:
            s = r.choice(alive)
            ref.fork(s, next_id)
            ops.append(op("fork", s, next_id))
            alive.append(next_id)
            next_id += 1
        else:
            if alive and (len(alive) >= max_seqs or r.random() < 0.8):
                s = r.choice(alive)
            else:
                s = next_id
            k, v = kv()
            try:
                ref.append(s, k, v)
                if s == next_id:
                    alive.append(s)
                    next_id += 1
            except MemoryError:
                pass
            ops.append(op("append", s, k, v))
    for s in alive:
        ops.append(op("block_table", s))
        ops.append(op("gather", s))
    ops.append(op("num_free_blocks"))
    return Ops(ops, init=(num_blocks, block_size, heads, dim), note=note)


def _fixed(ops_fn, init, note, name=""):
    g = np.random.default_rng(7)
    h, d = init[2], init[3]
    return Ops(ops_fn(lambda: (g.normal(size=(h, d)), g.normal(size=(h, d))), lambda: g.normal(size=(h, d))),
               init=init, note=note, name=name)


def _ex1(kv, qv):
    ops = [op("append", 7, *kv()), op("append", 7, *kv()), op("append", 7, *kv()), op("append", 9, *kv()),
           op("block_table", 7), op("num_free_blocks"), op("free", 7), op("append", 9, *kv()),
           op("append", 9, *kv()), op("block_table", 9), op("gather", 9), op("attend", 9, qv())]
    return ops


def _ex2(kv, qv):
    ops = [op("append", 1, *kv()) for _ in range(6)]
    ops += [op("fork", 1, 2), op("num_free_blocks"), op("append", 2, *kv()), op("block_table", 2),
            op("block_table", 1), op("append", 1, *kv()), op("block_table", 1), op("gather", 1), op("gather", 2)]
    return ops


def _exhaust(kv, qv):
    ops = [op("append", 0, *kv()) for _ in range(4)]  # blocks 0, 1 full
    ops += [op("append", 1, *kv()), op("append", 1, *kv()), op("num_free_blocks")]  # pool of 3 used up
    ops += [op("append", 2, *kv()), op("block_table", 2), op("append", 1, *kv()), op("free", 0),
            op("block_table", 0), op("gather", 0), op("append", 2, *kv()), op("block_table", 2),
            op("append", 0, *kv()), op("block_table", 0), op("gather", 0), op("num_free_blocks")]
    return ops


def _cow_no_space(kv, qv):
    ops = [op("append", 0, *kv()) for _ in range(3)]  # blocks 0, 1 (block 1 half full)
    ops += [op("fork", 0, 1), op("append", 5, *kv()), op("num_free_blocks"), op("append", 1, *kv()),
            op("block_table", 1), op("free", 5), op("append", 1, *kv()), op("block_table", 1),
            op("gather", 0), op("gather", 1), op("free", 0), op("num_free_blocks"), op("append", 1, *kv()),
            op("block_table", 1)]
    return ops


def _boundary_fork(kv, qv):
    ops = [op("append", 3, *kv()) for _ in range(4)]  # exactly two full blocks
    ops += [op("fork", 3, 4), op("append", 4, *kv()), op("block_table", 4), op("block_table", 3),
            op("fork", 4, 5), op("free", 4), op("num_free_blocks"), op("gather", 5), op("append", 5, *kv()),
            op("block_table", 5), op("free", 3), op("free", 5), op("num_free_blocks")]
    return ops


def examples(level):
    if level == 1:
        return [_fixed(_ex1, (4, 2, 1, 2), "a freed block is reused, lowest number first", name="two sequences")]
    return [_fixed(_ex2, (8, 4, 1, 2), "the shared half-full block is copied on the first write",
                   name="a fork")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            stream(s(), 8, 4, 1, 4, 12, "one sequence across several blocks", max_seqs=1),
            stream(s(), 16, 2, 2, 3, 60, "several sequences interleave their blocks"),
            _fixed(_exhaust, (3, 2, 1, 2), "a full pool raises MemoryError and changes nothing; reading a freed "
                   "sequence raises KeyError; the id can start a new sequence"),
            stream(s(), 6, 3, 2, 4, 120, "frees and reuse: always the lowest free block", free_prob=0.15),
            stream(s(), 5, 2, 1, 2, 80, "a tiny pool: many appends fail", free_prob=0.1, bad_reads=True),
            stream(s(), 512, 16, 8, 64, 3000, "3000 operations on a 512-block pool", max_seqs=16, read_every=0.1),
        ]
        for _ in range(3):
            cases.append(stream(s(), rng.randint(2, 20), rng.randint(1, 5), rng.randint(1, 3), rng.randint(1, 6),
                                rng.randint(10, 100), "random stream", free_prob=rng.choice([0.02, 0.1])))
        return cases
    cases = [
        _fixed(_ex2, (8, 4, 1, 2), "a write into a shared block copies it; the original stays with sequence 1"),
        _fixed(_boundary_fork, (10, 2, 1, 3), "a fork at a block boundary copies nothing; freeing a forked "
               "sequence keeps the shared blocks alive"),
        _fixed(_cow_no_space, (3, 2, 2, 2), "copy-on-write needs a free block: MemoryError when there is none"),
        stream(s(), 16, 4, 2, 3, 150, "random forks and appends", forks=True, free_prob=0.08),
        stream(s(), 6, 2, 1, 2, 120, "forks in a tiny pool", forks=True, free_prob=0.1, bad_reads=True),
        stream(s(), 512, 16, 4, 32, 2000, "2000 operations with forks", forks=True, max_seqs=12, read_every=0.1),
    ]
    for _ in range(3):
        cases.append(stream(s(), rng.randint(3, 20), rng.randint(1, 5), rng.randint(1, 3), rng.randint(1, 5),
                            rng.randint(20, 120), "random stream with forks", forks=True,
                            free_prob=rng.choice([0.03, 0.1])))
    return cases
