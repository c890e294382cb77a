import numpy as np


def _s(x, v):
    return v.reshape((1, -1) + (1,) * (x.ndim - 2))


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    axes = (0,) + tuple(range(2, x.ndim))
    m = x.size // x.shape[1]
    mu = x.mean(axis=axes)
    var = x.var(axis=axes)
    y = (x - _s(x, mu)) / np.sqrt(_s(x, var) + eps) * _s(x, gamma) + _s(x, beta)
    new_mean = running_mean + momentum * (mu - running_mean)
    new_var = running_var + momentum * (var * m / (m - 1) - running_var)
    return y, new_mean, new_var


def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    # eps added to the standard deviation, not the variance
    return (x - _s(x, running_mean)) / (np.sqrt(_s(x, running_var)) + eps) * _s(x, gamma) + _s(x, beta)
