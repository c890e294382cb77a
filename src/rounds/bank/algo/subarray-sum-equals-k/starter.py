def subarray_sum(nums: list[int], k: int) -> int:
    """Count contiguous non-empty subarrays of nums summing to k (values may be negative)."""
    raise NotImplementedError
