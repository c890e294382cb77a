import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax of x along axis, finite for |x| up to 1e4.

    Returns a float64 array of x's shape whose slices along axis sum to 1.
    Does not modify x.
    """
    raise NotImplementedError
