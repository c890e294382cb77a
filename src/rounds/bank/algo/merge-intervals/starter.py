def merge(intervals: list[list[int]]) -> list[list[int]]:
    """Merge overlapping or touching closed intervals; return them sorted by start.

    Do not modify the input.
    """
    raise NotImplementedError
