import numpy as np


def log_softmax(x, axis=-1):
    m = x.max(axis=axis, keepdims=True)
    # log-sum-exp computed on shifted values, but subtracted from the unshifted x
    return x - np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
