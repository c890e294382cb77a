import numpy as np

QMAX = 127  # symmetric: the codes are -127..127; -128 is never used


def _scales(a):
    """One scale per row: max |a| / 127, or 1.0 for an all-zero row."""
    amax = np.abs(a).max(axis=1)
    return np.where(amax > 0, amax / QMAX, 1.0)


def _quantize_rows(a, scale):
    q = np.rint(a / scale[:, None])  # round half to even
    return np.clip(q, -QMAX, QMAX).astype(np.int8)


def quantize_per_channel(W):
    scale = _scales(W)
    return _quantize_rows(W, scale), scale


def dequantize(q, scale):
    return q.astype(np.float64) * scale[:, None]


def int8_linear(x, q_w, w_scale, bias):
    x_scale = _scales(x)  # dynamic, one scale per row (token) of the activations
    q_x = _quantize_rows(x, x_scale)
    acc = q_x.astype(np.int32) @ q_w.astype(np.int32).T  # int8 x int8 products summed in int32
    y = acc.astype(np.float64) * x_scale[:, None] * w_scale[None, :] + bias
    return y, acc
