import numpy as np


def solve(n):
    total = 0.0
    for lo in range(0, n, 65536):
        block = np.arange(lo, min(n, lo + 65536), dtype=np.float64)
        total += float(block @ block)
    return total
