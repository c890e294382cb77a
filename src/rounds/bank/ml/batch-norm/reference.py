import numpy as np


def _shape(x, v):
    return v.reshape((1, -1) + (1,) * (x.ndim - 2))


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    axes = (0,) + tuple(range(2, x.ndim))
    m = x.size // x.shape[1]
    mu = x.mean(axis=axes)
    xc = x - _shape(x, mu)
    var = (xc * xc).mean(axis=axes)
    y = xc / np.sqrt(_shape(x, var) + eps) * _shape(x, gamma) + _shape(x, beta)
    new_mean = (1 - momentum) * running_mean + momentum * mu
    new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    return y, new_mean, new_var


def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    scale = gamma / np.sqrt(running_var + eps)
    return (x - _shape(x, running_mean)) * _shape(x, scale) + _shape(x, beta)
