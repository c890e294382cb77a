import numpy as np


def apply_rope(x: np.ndarray, positions: np.ndarray, base: float = 10000.0) -> np.ndarray:
    """Rotate adjacent feature pairs (2i, 2i+1) by positions * base**(-2i/d).

    x: (..., L, d) float64, d even; positions: (L,) int64. Returns float64 of x's shape.
    """
    raise NotImplementedError


def apply_rope_half(x: np.ndarray, positions: np.ndarray, base: float = 10000.0) -> np.ndarray:
    """Level 2: the same rotation with pairs (i, i + d/2)."""
    raise NotImplementedError
