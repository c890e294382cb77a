def top_k_frequent(nums: list[int], k: int) -> list[int]:
    """Return the k most frequent values of nums.

    Ordered by frequency descending, then by value ascending. Exactly k distinct
    values; 1 <= k <= the number of distinct values. Do not modify nums.
    """
    raise NotImplementedError
