import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, ddof=1, keepdims=True) if x.shape[-1] > 1 else np.zeros_like(mu)
    return (x - mu) / np.sqrt(var + eps) * gamma + beta


def layer_norm_backward(x, gamma, beta, dy, eps=1e-5):
    raise NotImplementedError
