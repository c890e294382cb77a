import numpy as np


def solve(n):
    block = np.arange(n, dtype=np.float64)
    return float(block @ block)
