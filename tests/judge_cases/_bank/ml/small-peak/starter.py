def solve(n):
    """Sum of i * i for i in 0..n-1, as a float, in bounded memory."""
    raise NotImplementedError
