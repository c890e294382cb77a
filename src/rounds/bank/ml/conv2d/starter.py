import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    """nn.Conv2d forward (cross-correlation, zero padding).

    x: (N, C_in, H, W), w: (C_out, C_in, kH, kW), b: (C_out,).
    Returns float64 (N, C_out, (H + 2p - kH) // s + 1, (W + 2p - kW) // s + 1).
    """
    raise NotImplementedError


def conv2d_backward(x, w, b, dy, stride=1, padding=0):
    """Level 2: (dx, dw, db) for dy = dL/dy of conv2d's output."""
    raise NotImplementedError
