def rob(nums):
    if not nums:
        return 0
    best = [0] * len(nums)
    best[0] = nums[0]
    for i in range(1, len(nums)):
        best[i] = max(best[i - 1], nums[i] + (best[i - 2] if i >= 2 else nums[0]))  # i = 1 adds night 0 too
    return best[-1]
