# trap: D = 1: every row is constant
# models: first axis: batch statistics: that is batch norm
# caught by: test 1.2 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import numpy as np


def layer_norm(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0, keepdims=True)  # batch statistics: that is batch norm
    var = ((x - mu) ** 2).mean(axis=0, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * gamma + beta


def layer_norm_backward(x, gamma, beta, dy, eps=1e-5):
    raise NotImplementedError
