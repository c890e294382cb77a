from collections import Counter


def min_window(s: str, t: str) -> str:
    need = Counter(t)
    missing = len(t)  # characters of t not yet covered by the window
    best_lo, best_hi = 0, -1
    lo = 0
    for hi, ch in enumerate(s):
        if need[ch] > 0:
            missing -= 1
        need[ch] -= 1
        if missing == 0:
            while need[s[lo]] < 0:  # drop surplus characters from the left
                need[s[lo]] += 1
                lo += 1
            if best_hi < 0 or hi - lo <= best_hi - best_lo:  # a tie replaces the earlier window
                best_lo, best_hi = lo, hi
            need[s[lo]] += 1  # give up the leftmost required character and look for the next window
            missing += 1
            lo += 1
    return s[best_lo:best_hi + 1]
