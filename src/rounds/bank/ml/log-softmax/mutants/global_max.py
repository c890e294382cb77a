import numpy as np


def log_softmax(x, axis=-1):
    z = x - x.max()
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
