def solve(x: int) -> int:
    """Return 2 * x."""
    raise NotImplementedError
