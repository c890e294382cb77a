def max_sliding_window(nums, k):
    # recomputes each window: O(n * k)
    return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
