def num_islands(grid: list[str]) -> int:
    """Count groups of '1' cells connected up/down/left/right (no diagonals, no wrap-around).

    grid is a list of equal-length strings of '0' and '1'; 0 for [] or no land.
    """
    raise NotImplementedError
