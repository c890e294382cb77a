def length_of_longest_substring(s):
    seen = set()
    best = 0
    for ch in s:
        if ch in seen:
            seen = set()  # throws the whole window away instead of sliding past the repeat
        seen.add(ch)
        best = max(best, len(seen))
    return best
