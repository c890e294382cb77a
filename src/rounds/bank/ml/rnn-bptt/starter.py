import numpy as np


def rnn_forward(x, h0, w_xh, w_hh, b):
    """h_t = tanh(x_t @ w_xh.T + h_{t-1} @ w_hh.T + b) for t = 0..T-1.

    x: (T, N, D), h0: (N, H), w_xh: (H, D), w_hh: (H, H), b: (H,). Returns (T, N, H).
    """
    raise NotImplementedError


def rnn_backward(x, h0, w_xh, w_hh, b, dhs):
    """Level 2: (dx, dh0, dw_xh, dw_hh, db) given dhs[t] = direct dL/dh_t; full BPTT."""
    raise NotImplementedError
