def find_cheapest_price(n: int, flights: list[list[int]], src: int, dst: int, k: int) -> int:
    """Cheapest src -> dst price using at most k intermediate stops (k + 1 links); -1 if none."""
    raise NotImplementedError
