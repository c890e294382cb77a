import numpy as np


def solve(n):
    # Run library code no earlier test ran (LAPACK, FFT, sorting, einsum) on tiny arrays: the pages
    # of code the kernel maps in for it are not memory the call allocates.
    m = np.arange(9.0).reshape(3, 3) + np.eye(3)
    np.linalg.svd(m)
    np.linalg.eigh(m + m.T)
    np.linalg.solve(m, np.ones(3))
    np.fft.rfft(np.ones(16))
    np.unique(np.array([3, 1, 3]))
    np.einsum("ij,jk->ik", m, m)
    np.median(np.ones(5))
    total = 0.0
    for lo in range(0, n, 65536):
        block = np.arange(lo, min(n, lo + 65536), dtype=np.float64)
        total += float(block @ block)
    return total
