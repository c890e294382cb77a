def max_sliding_window(nums: list[int], k: int) -> list[int]:
    """Return max(nums[i:i + k]) for every i from 0 to len(nums) - k.

    1 <= k <= len(nums). The result has len(nums) - k + 1 ints. Do not modify nums.
    """
    raise NotImplementedError
