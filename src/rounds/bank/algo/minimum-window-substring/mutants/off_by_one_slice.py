from collections import Counter


def min_window(s, t):
    need = Counter(t)
    missing = len(t)
    best_lo, best_hi, lo = 0, -1, 0
    for hi, ch in enumerate(s):
        if need[ch] > 0:
            missing -= 1
        need[ch] -= 1
        if missing == 0:
            while need[s[lo]] < 0:
                need[s[lo]] += 1
                lo += 1
            if best_hi < 0 or hi - lo < best_hi - best_lo:
                best_lo, best_hi = lo, hi
            need[s[lo]] += 1
            missing += 1
            lo += 1
    return s[best_lo:best_hi]  # drops the window's last character
