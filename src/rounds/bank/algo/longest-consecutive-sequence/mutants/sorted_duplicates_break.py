def longest_consecutive(nums):
    if not nums:
        return 0
    s = sorted(nums)
    best = run = 1
    for a, b in zip(s, s[1:]):
        run = run + 1 if b == a + 1 else 1  # a duplicate day resets the streak
        best = max(best, run)
    return best
