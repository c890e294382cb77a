# trap: 200k events, the only Z at the end: needs one pass
# models: all windows: a fresh count from every start: O(n^2)
# caught by: test 1.20 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
from collections import Counter


def min_window(s, t):
    need = Counter(t)
    best = ""
    for lo in range(len(s)):  # a fresh count from every start: O(n^2)
        have = Counter()
        for hi in range(lo, len(s)):
            have[s[hi]] += 1
            if best and hi - lo + 1 >= len(best):
                break
            if all(have[c] >= k for c, k in need.items()):
                best = s[lo:hi + 1]
                break
    return best
