import numpy as np


def rms_norm(x: np.ndarray, weight: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """x / sqrt(mean(x**2, last axis) + eps) * weight. Returns float64 of x's shape."""
    raise NotImplementedError
