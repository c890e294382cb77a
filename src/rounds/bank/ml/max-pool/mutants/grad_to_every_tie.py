import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(x, k, stride, padding):
    s = k if stride is None else stride
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), constant_values=-np.inf)
    return xp, s, sliding_window_view(xp, (k, k), axis=(2, 3))[:, :, ::s, ::s]


def max_pool2d(x, kernel_size, stride=None, padding=0):
    _, _, win = _windows(x, kernel_size, stride, padding)
    return win.max(axis=(4, 5))


def max_pool2d_backward(x, dy, kernel_size, stride=None, padding=0):
    k = kernel_size
    xp, s, win = _windows(x, k, stride, padding)
    n, c, ho, wo = win.shape[:4]
    dxp = np.zeros(xp.shape)
    hit = win == win.max(axis=(4, 5), keepdims=True)  # every tied maximum gets the gradient
    for i in range(k):
        for j in range(k):
            dxp[:, :, i:i + s * (ho - 1) + 1:s, j:j + s * (wo - 1) + 1:s] += hit[..., i, j] * dy
    h, w = x.shape[2], x.shape[3]
    return dxp[:, :, padding:padding + h, padding:padding + w]
