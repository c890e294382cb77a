def longest_consecutive(nums: list[int]) -> int:
    """Length of the longest run of consecutive integers present in nums (any order, duplicates ok)."""
    raise NotImplementedError
