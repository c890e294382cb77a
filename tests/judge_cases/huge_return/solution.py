def solve(x):
    return "x" * (100 << 20)
