def split_array(nums: list[int], k: int) -> int:
    """Split nums into exactly k non-empty contiguous parts minimising the largest part sum;
    return that minimum."""
    raise NotImplementedError
