def coin_change(coins: list[int], amount: int) -> int:
    """Return the fewest coins (unlimited supply) summing exactly to amount.

    0 for amount 0; -1 when impossible.
    """
    raise NotImplementedError
