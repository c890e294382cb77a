import heapq
from bisect import bisect_left
from collections import Counter


def suggest(history: list[str], typed: str, k: int) -> list[list[str]]:
    counts = Counter(history)
    words = sorted(counts)  # the matches of one prefix are a contiguous run of this list
    rank = lambda w: (-counts[w], w)  # noqa: E731
    bounds = []
    for i in range(1, len(typed) + 1):
        p = typed[:i]
        lo = bisect_left(words, p)
        hi = bisect_left(words, p + "\x7f")  # every query starting with p sorts before p + DEL
        bounds.append((lo, hi))
    out = [[] for _ in typed]
    # Longest prefix first: its run nests inside the previous one, so only the new margins
    # [lo_i, lo_{i+1}) and [hi_{i+1}, hi_i) are scanned, each position once overall.
    best, inner = [], None
    for i in range(len(typed) - 1, -1, -1):
        lo, hi = bounds[i]
        if inner is None:
            fresh = words[lo:hi]
        else:
            ilo, ihi = inner
            fresh = words[lo:ilo] + words[ihi:hi]
        best = heapq.nsmallest(k, best + fresh, key=rank)
        out[i] = best
        inner = (lo, hi)
    return out
