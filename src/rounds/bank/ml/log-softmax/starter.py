import numpy as np


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """log(softmax(x)) along axis, computed so that it stays finite for |x| up to 1e4.

    Returns a float64 array of x's shape. Does not modify x.
    """
    raise NotImplementedError
