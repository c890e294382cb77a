def min_path_sum(grid: list[list[int]]) -> int:
    """Return the smallest sum of a top-left to bottom-right path moving only right or down
    (both corners counted). Do not modify grid."""
    raise NotImplementedError
