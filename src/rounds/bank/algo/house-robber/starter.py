def rob(nums: list[int]) -> int:
    """Return the largest sum of values at pairwise non-adjacent indices (0 for [])."""
    raise NotImplementedError
