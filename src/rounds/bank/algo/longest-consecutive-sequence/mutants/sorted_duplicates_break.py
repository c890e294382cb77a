# trap: a duplicate must not break the streak
# models: sorted duplicates break: a duplicate day resets the streak
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def longest_consecutive(nums):
    if not nums:
        return 0
    s = sorted(nums)
    best = run = 1
    for a, b in zip(s, s[1:]):
        run = run + 1 if b == a + 1 else 1  # a duplicate day resets the streak
        best = max(best, run)
    return best
