from collections import Counter


def min_window(s, t):
    need = Counter(t)
    missing = len(t)
    for hi, ch in enumerate(s):  # stops at the first window that covers t, without shrinking it
        if need[ch] > 0:
            missing -= 1
        need[ch] -= 1
        if missing == 0:
            return s[:hi + 1]
    return ""
