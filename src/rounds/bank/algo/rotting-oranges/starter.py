def oranges_rotting(grid: list[list[int]]) -> int:
    """Minutes until no cell is 1 when every 2 spreads to edge-adjacent 1s each minute.

    0 if no 1 at the start; -1 if some 1 is never reached. Do not modify grid.
    """
    raise NotImplementedError
