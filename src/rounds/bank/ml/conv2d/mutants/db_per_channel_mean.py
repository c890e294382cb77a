import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(x, kh, kw, stride, padding):
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    return xp, win  # win: (N, C, H_out, W_out, kh, kw)


def conv2d(x, w, b, stride=1, padding=0):
    _, win = _windows(x, w.shape[2], w.shape[3], stride, padding)
    y = np.tensordot(win, w, axes=([1, 4, 5], [1, 2, 3]))  # (N, H_out, W_out, C_out)
    return y.transpose(0, 3, 1, 2) + b[None, :, None, None]


def conv2d_backward(x, w, b, dy, stride=1, padding=0):
    kh, kw = w.shape[2], w.shape[3]
    xp, win = _windows(x, kh, kw, stride, padding)
    ho, wo = dy.shape[2], dy.shape[3]
    dw = np.tensordot(dy, win, axes=([0, 2, 3], [0, 2, 3]))
    db = dy.sum(axis=(2, 3)).mean(axis=0)
    dxp = np.zeros_like(xp)
    for i in range(kh):
        for j in range(kw):
            contrib = np.tensordot(dy, w[:, :, i, j], axes=([1], [0]))  # (N, H_out, W_out, C_in)
            dxp[:, :, i:i + stride * (ho - 1) + 1:stride, j:j + stride * (wo - 1) + 1:stride] += contrib.transpose(0, 3, 1, 2)
    h, wd = x.shape[2], x.shape[3]
    return dxp[:, :, padding:padding + h, padding:padding + wd], dw, db
