def rob(nums):
    def go(i):  # no memo: exponential
        if i >= len(nums):
            return 0
        return max(go(i + 1), nums[i] + go(i + 2))

    return go(0)
