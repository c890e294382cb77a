import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0, keepdims=True)  # batch statistics: that is batch norm
    var = ((x - mu) ** 2).mean(axis=0, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * gamma + beta


def layer_norm_backward(x, gamma, beta, dy, eps=1e-5):
    raise NotImplementedError
