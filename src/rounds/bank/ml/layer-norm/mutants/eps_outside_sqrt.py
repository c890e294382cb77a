import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    std = np.sqrt(((x - mu) ** 2).mean(axis=-1, keepdims=True))
    return (x - mu) / (std + eps) * gamma + beta


def layer_norm_backward(x, gamma, beta, dy, eps=1e-5):
    raise NotImplementedError
