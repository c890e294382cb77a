def majority_element(nums: list[int]) -> int | None:
    """Return the value occurring strictly more than len(nums) / 2 times, else None.

    None for an empty list and when the most common value has exactly half of the votes.
    """
    raise NotImplementedError
