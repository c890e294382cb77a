def largest_rectangle_area(heights: list[int]) -> int:
    """Return the largest rectangle area under bars of width 1 (0 for [])."""
    raise NotImplementedError
