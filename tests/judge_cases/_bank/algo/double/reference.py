def solve(x: int) -> int:
    return 2 * x
