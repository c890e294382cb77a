import numpy as np


def rms_norm(x, weight, eps=1e-6):
    # the Gemma convention, not this contract
    return x / np.sqrt((x * x).mean(axis=-1, keepdims=True) + eps) * (1.0 + weight)
