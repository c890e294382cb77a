def find_kth_largest(nums: list[int], k: int) -> int:
    """Return sorted(nums, reverse=True)[k - 1] (duplicates count). Do not modify nums."""
    raise NotImplementedError
