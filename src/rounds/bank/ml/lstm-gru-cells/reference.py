import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # stable for any z


def _lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh  # (B, 4H) in PyTorch's order i, f, g, o
    i = _sigmoid(gates[:, :H])
    f = _sigmoid(gates[:, H:2 * H])
    g = np.tanh(gates[:, 2 * H:3 * H])
    o = _sigmoid(gates[:, 3 * H:])
    c = f * c + i * g
    return o * np.tanh(c), c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c = h0, c0
    outs = []
    for t in range(x.shape[0]):
        h, c = _lstm_cell(x[t], h, c, W_ih, W_hh, b_ih, b_hh)
        outs.append(h)
    return np.stack(outs), h, c


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    H = h0.shape[1]
    h = h0
    outs = []
    for t in range(x.shape[0]):
        gi = x[t] @ W_ih.T + b_ih  # (B, 3H): r, z, n
        gh = h @ W_hh.T + b_hh
        r = _sigmoid(gi[:, :H] + gh[:, :H])
        z = _sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
        n = np.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])  # r scales W_hn h + b_hn, bias included
        h = (1 - z) * n + z * h
        outs.append(h)
    return np.stack(outs), h


def lstm_forward_padded(x, lengths, h0, c0, W_ih, W_hh, b_ih, b_hh):
    T = x.shape[0]
    h, c = h0.copy(), c0.copy()
    outs = np.zeros((T, h0.shape[0], h0.shape[1]))
    for t in range(T):
        active = (t < lengths)[:, None]  # sequences that still have a token at step t
        h_new, c_new = _lstm_cell(x[t], h, c, W_ih, W_hh, b_ih, b_hh)
        h = np.where(active, h_new, h)  # finished sequences keep their last state
        c = np.where(active, c_new, c)
        outs[t] = np.where(active, h_new, 0.0)  # padding positions output zeros
    return outs, h, c
