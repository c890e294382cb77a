import numpy as np


def _starts(length, n):
    """Chunk c is [starts[c], starts[c + 1]): the first length % n chunks hold one extra element."""
    base, extra = divmod(length, n)
    return [c * base + min(c, extra) for c in range(n + 1)]


def _ring_reduce_scatter(buffers):
    n = len(buffers)
    st = _starts(buffers[0].shape[0], n)
    work = [b.copy() for b in buffers]  # each rank's own copy; the inputs stay as they were
    sent = [0] * n
    for s in range(n - 1):
        # Every rank sends at once: take all the messages before anyone adds.
        msgs = []
        for r in range(n):
            c = (r - 1 - s) % n
            msgs.append((r, c, work[r][st[c]:st[c + 1]].copy()))
        for r, c, data in msgs:
            dst = (r + 1) % n
            work[dst][st[c]:st[c + 1]] = data + work[dst][st[c]:st[c + 1]]  # float32 add
            sent[r] += data.size
    return work, st, sent


def reduce_scatter(buffers):
    work, st, _ = _ring_reduce_scatter(buffers)
    return [work[r][st[r]:st[r + 1]].copy() for r in range(len(buffers))]


def ring_all_reduce(buffers):
    n = len(buffers)
    work, st, sent = _ring_reduce_scatter(buffers)
    for s in range(n - 1):
        msgs = []
        for r in range(n):
            c = (r - s) % n  # step 0: each rank forwards the chunk it finished reducing
            msgs.append((r, c, work[r][st[c]:st[c + 1]].copy()))
        for r, c, data in msgs:
            work[(r + 1) % n][st[c]:st[c + 1]] = data  # overwrite: the chunk is final
            sent[r] += data.size
    return work, sent
