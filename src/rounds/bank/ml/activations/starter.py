import numpy as np


def activation(x: np.ndarray, name: str) -> np.ndarray:
    """Elementwise relu, gelu (exact, erf), gelu_tanh or silu; ValueError for other names."""
    raise NotImplementedError


def activation_grad(x: np.ndarray, name: str) -> np.ndarray:
    """Level 2: the elementwise derivative of activation(x, name); relu'(0) = 0."""
    raise NotImplementedError
