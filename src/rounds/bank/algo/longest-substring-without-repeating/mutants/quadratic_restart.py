def length_of_longest_substring(s):
    best = 0
    for i in range(len(s)):  # restarts the scan from every position: O(n * L) for runs of length L
        seen = set()
        for ch in s[i:]:
            if ch in seen:
                break
            seen.add(ch)
        best = max(best, len(seen))
    return best
