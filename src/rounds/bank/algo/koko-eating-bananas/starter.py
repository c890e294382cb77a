def min_eating_speed(piles: list[int], h: int) -> int:
    """Return the smallest integer rate k >= 1 with sum(ceil(p / k)) <= h."""
    raise NotImplementedError
