def get_skyline(buildings: list[list[int]]) -> list[list[int]]:
    """Return the change points [x, h] of the max height over buildings [left, right, height].

    Buildings cover [left, right). Strictly increasing x, no two consecutive
    points with the same h, last point at height 0; [] for no buildings.
    """
    raise NotImplementedError
