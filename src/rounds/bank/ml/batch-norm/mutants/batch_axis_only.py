import numpy as np


def _s(x, v):
    return v.reshape((1, -1) + (1,) * (x.ndim - 2))


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    # statistics per (channel, position) instead of per channel
    mu = x.mean(axis=0, keepdims=True)
    var = x.var(axis=0, keepdims=True)
    y = (x - mu) / np.sqrt(var + eps) * _s(x, gamma) + _s(x, beta)
    n = x.shape[0]
    mu_c = mu.reshape(x.shape[1], -1).mean(axis=1)
    var_c = var.reshape(x.shape[1], -1).mean(axis=1) * n / (n - 1)
    return y, (1 - momentum) * running_mean + momentum * mu_c, (1 - momentum) * running_var + momentum * var_c


def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    return (x - _s(x, running_mean)) / np.sqrt(_s(x, running_var) + eps) * _s(x, gamma) + _s(x, beta)
