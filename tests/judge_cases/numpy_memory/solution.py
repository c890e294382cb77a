import numpy as np


def solve(x):
    a = np.ones((1 << 30,), dtype=np.float64)
    return int(a.sum())
