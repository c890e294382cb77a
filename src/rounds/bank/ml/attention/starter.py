import numpy as np


def attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """softmax(q @ k^T / sqrt(d)) @ v over the key axis.

    q: (..., Lq, d), k: (..., Lk, d), v: (..., Lk, dv). mask: bool, broadcastable to
    (..., Lq, Lk), True = may attend. Returns float64 (..., Lq, dv).
    """
    raise NotImplementedError


def causal_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Level 2: query i (the last Lq of Lk positions) attends keys j <= Lk - Lq + i."""
    raise NotImplementedError


def attention_with_padding(q: np.ndarray, k: np.ndarray, v: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Level 3: like attention, but a query row with no allowed key outputs zeros (no nan)."""
    raise NotImplementedError
