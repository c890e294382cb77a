import numpy as np


def rms_norm(x, weight, eps=1e-6):
    xc = x - x.mean(axis=-1, keepdims=True)  # that is layer norm without beta
    return xc / np.sqrt((xc * xc).mean(axis=-1, keepdims=True) + eps) * weight
