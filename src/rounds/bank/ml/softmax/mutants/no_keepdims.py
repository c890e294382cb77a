import numpy as np


def softmax(x, axis=-1):
    m = x.max(axis=axis)
    e = np.exp(x - m)  # broadcasting lines the reduced axis up with the last one
    return e / e.sum(axis=axis)
