def length_of_longest_substring(s):
    last = {}
    start = best = 0
    for i, ch in enumerate(s):
        if ch in last:
            start = last[ch] + 1  # may move the window's start backwards ("abba")
        last[ch] = i
        best = max(best, i - start + 1)
    return best
