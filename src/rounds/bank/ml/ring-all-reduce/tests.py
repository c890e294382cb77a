"""Ring reduce-scatter and all-reduce over simulated ranks, checked bit for bit.

The reference simulates the ring literally (every rank's buffer, every message). Inputs mix
magnitudes over six orders, so that summing the N contributions in any order other than the
ring's, or in float64, changes the last bits of most elements. The project's tests check the
reference against an independent closed form of the ring's order of additions.
"""

import numpy as np

from rounds.testkit import Call, custom

inputs_unchanged = True


def _same_array(a, e, what):
    if not isinstance(a, np.ndarray):
        return f"{what} is a {type(a).__name__}, expected a numpy array"
    if a.dtype != np.float32:
        return f"{what} has dtype {a.dtype}, expected float32 (the ranks add in float32)"
    if a.shape != e.shape:
        return f"{what} has shape {a.shape}, expected {e.shape}"
    bad = np.flatnonzero(a != e)
    if bad.size:
        return (f"{what} differs at {bad.size} of {a.size} positions, first at index {int(bad[0])}; "
                "the value must be the float32 sum in the ring's order")
    return None


def _check_chunks(actual, expected, args):
    if not isinstance(actual, list) or len(actual) != len(expected):
        return f"return a list of {len(expected)} arrays, one per rank"
    for r, (a, e) in enumerate(zip(actual, expected, strict=True)):
        why = _same_array(a, e, f"rank {r}'s chunk")
        if why:
            return why
    return None


def _check_all_reduce(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (outputs, sent)"
    outs, sent = actual
    want_outs, want_sent = expected
    if not isinstance(outs, list) or len(outs) != len(want_outs):
        return f"outputs must be a list of {len(want_outs)} arrays, one per rank"
    for r, (a, e) in enumerate(zip(outs, want_outs, strict=True)):
        why = _same_array(a, e, f"rank {r}'s buffer")
        if why:
            return why
    if not isinstance(sent, list) or len(sent) != len(want_sent) or not all(type(x) is int for x in sent):
        return f"sent must be a list of {len(want_sent)} Python ints"
    for r, (a, e) in enumerate(zip(sent, want_sent, strict=True)):
        if a != e:
            return f"sent[{r}] = {a} is not the number of elements rank {r} sends in the two phases"
    return None


chunks_exact = custom(_check_chunks)
all_reduce_exact = custom(_check_all_reduce)
checker = chunks_exact


def _buffers(g, n, length, spread=3.0):
    """float32 values whose magnitudes span 10^-spread .. 10^spread: the order of addition shows."""
    out = []
    for _ in range(n):
        mag = 10.0 ** g.uniform(-spread, spread, size=length)
        out.append((g.normal(size=length) * mag).astype(np.float32))
    return out


def _case(level, bufs, note, name=""):
    if level == 1:
        return Call((bufs,), check=chunks_exact, note=note, name=name)
    return Call((bufs,), entry="ring_all_reduce", check=all_reduce_exact, note=note, name=name)


def examples(level):
    bufs = [np.array([1, 2, 3, 4, 5], dtype=np.float32) * k for k in (1, 10, 100)]
    if level == 1:
        want = [np.array([111, 222], dtype=np.float32), np.array([333, 444], dtype=np.float32),
                np.array([555], dtype=np.float32)]
        return [Call((bufs,), expected=want, check=chunks_exact, name="three ranks, five elements",
                     note="chunks [0, 2), [2, 4), [4, 5); rank r ends with chunk r")]
    total = np.array([111, 222, 333, 444, 555], dtype=np.float32)
    return [Call((bufs,), expected=([total.copy() for _ in range(3)], [6, 7, 7]), entry="ring_all_reduce",
                 check=all_reduce_exact, name="three ranks, five elements",
                 note="every rank gets the whole sum; ranks 1 and 2 send one element more than rank 0")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        _case(level, _buffers(g, 1, 7), "one rank: nothing to send, the buffer is its own sum"),
        _case(level, _buffers(g, 2, 10), "two ranks, even chunks"),
        _case(level, _buffers(g, 4, 12), "four ranks: the sum of chunk c starts at rank c + 1"),
        _case(level, _buffers(g, 3, 3001), "3001 elements over 3 ranks: the first chunk is one longer"),
        _case(level, _buffers(g, 5, 13), "13 over 5 ranks: the first 3 chunks hold 3 elements, the last 2 hold 2"),
        _case(level, _buffers(g, 6, 4), "fewer elements than ranks: chunks 4 and 5 are empty"),
        _case(level, _buffers(g, 8, 1), "one element over 8 ranks"),
        _case(level, _buffers(g, 7, 999, spread=5.0), "seven ranks, magnitudes over ten orders"),
        _case(level, [np.full(9, 0.1, dtype=np.float32) for _ in range(9)],
              "nine buffers of 0.1: the float32 running sum is not the float64 sum rounded once"),
        _case(level, _buffers(g, 16, 200000), "16 ranks, 200000 elements"),
    ]
    for _ in range(3):
        n = rng.randint(2, 12)
        cases.append(_case(level, _buffers(g, n, rng.randint(1, 3000)), "random ring"))
    return cases
