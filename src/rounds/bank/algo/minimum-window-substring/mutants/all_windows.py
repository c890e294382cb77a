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
