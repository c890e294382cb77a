from collections import Counter


def min_window(s, t):
    low = s.lower()
    need = Counter(t.lower())  # treats 'a' and 'A' as the same event
    missing = len(t)
    best_lo, best_hi, lo = 0, -1, 0
    for hi, ch in enumerate(low):
        if need[ch] > 0:
            missing -= 1
        need[ch] -= 1
        if missing == 0:
            while need[low[lo]] < 0:
                need[low[lo]] += 1
                lo += 1
            if best_hi < 0 or hi - lo < best_hi - best_lo:
                best_lo, best_hi = lo, hi
            need[low[lo]] += 1
            missing += 1
            lo += 1
    return s[best_lo:best_hi + 1]
