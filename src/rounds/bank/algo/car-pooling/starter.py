def car_pooling(trips: list[list[int]], capacity: int) -> bool:
    """Return True when the load never exceeds capacity.

    Each trip [passengers, start, end] holds its seats on [start, end): at a
    position x, leaving passengers free seats before boarding ones take them.
    """
    raise NotImplementedError
