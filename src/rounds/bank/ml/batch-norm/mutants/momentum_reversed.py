import numpy as np


def _s(x, v):
    return v.reshape((1, -1) + (1,) * (x.ndim - 2))


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    axes = (0,) + tuple(range(2, x.ndim))
    m = x.size // x.shape[1]
    mu = x.mean(axis=axes)
    var = x.var(axis=axes)
    y = (x - _s(x, mu)) / np.sqrt(_s(x, var) + eps) * _s(x, gamma) + _s(x, beta)
    # Keras-style decay used with a PyTorch-style momentum value
    new_mean = momentum * running_mean + (1 - momentum) * mu
    new_var = momentum * running_var + (1 - momentum) * var * m / (m - 1)
    return y, new_mean, new_var


def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return (x - _s(x, running_mean)) / np.sqrt(_s(x, running_var) + eps) * _s(x, gamma) + _s(x, beta)
