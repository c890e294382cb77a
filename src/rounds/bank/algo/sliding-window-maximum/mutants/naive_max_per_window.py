# trap: 200k samples, k = 5000: needs O(n), not O(n * k)
# models: naive max per window: recomputes each window: O(n * k)
# caught by: test 1.23 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def max_sliding_window(nums, k):
    # recomputes each window: O(n * k)
    return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
