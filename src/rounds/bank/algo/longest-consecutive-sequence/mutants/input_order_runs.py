# trap: a duplicate must not break the streak
# models: input order runs: looks for runs in input order: the input is unordered
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def longest_consecutive(nums):
    best = run = 0
    prev = None
    for x in nums:  # looks for runs in input order: the input is unordered
        run = run + 1 if prev is not None and x == prev + 1 else 1
        best = max(best, run)
        prev = x
    return best
