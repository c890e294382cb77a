import numpy as np


def lstm_backward(x, h0, c0, W_ih, W_hh, b_ih, b_hh, grad_out, grad_hT, grad_cT):
    """Gradients of one PyTorch-layout LSTM layer (gates i, f, g, o) by backpropagation through time.

    x (T, B, D); h0, c0 (B, H); W_ih (4H, D); W_hh (4H, H); b_ih, b_hh (4H,).
    The loss is L = sum(outputs * grad_out) + sum(h_T * grad_hT) + sum(c_T * grad_cT), with outputs
    (T, B, H) the hidden states and (h_T, c_T) the final states.
    Return a dict with keys "dx", "dh0", "dc0", "dW_ih", "dW_hh", "db_ih", "db_hh" (float64, the
    shapes of the matching inputs).
    """
    raise NotImplementedError
