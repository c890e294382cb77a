import numpy as np


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    """One LSTM layer over a time-major batch, PyTorch's nn.LSTM layout.

    x (T, B, D); h0, c0 (B, H); W_ih (4H, D); W_hh (4H, H); b_ih, b_hh (4H,); gate blocks in the
    order i, f, g, o. Return (outputs (T, B, H), h_T (B, H), c_T (B, H)), all float64.
    """
    raise NotImplementedError


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    """Level 2: one GRU layer, PyTorch's nn.GRU layout (blocks r, z, n; W_ih (3H, D), W_hh (3H, H)).

    n = tanh(W_in x + b_in + r * (W_hn h + b_hn)); h' = (1 - z) * n + z * h.
    Return (outputs (T, B, H), h_T (B, H)).
    """
    raise NotImplementedError


def lstm_forward_padded(x, lengths, h0, c0, W_ih, W_hh, b_ih, b_hh):
    """Level 3: as lstm_forward, but sequence b has only lengths[b] valid steps (right padding).

    Outputs are 0 at padded steps; h_T and c_T are each sequence's state after its own last step.
    """
    raise NotImplementedError
