import numpy as np


def max_pool2d(x, kernel_size, stride=None, padding=0):
    """nn.MaxPool2d forward; stride None means kernel_size; padding never wins the max.

    x: (N, C, H, W). Returns float64 (N, C, (H + 2p - k) // s + 1, (W + 2p - k) // s + 1).
    """
    raise NotImplementedError


def max_pool2d_backward(x, dy, kernel_size, stride=None, padding=0):
    """Level 2: dx; each window's gradient goes to its first maximum (row-major); overlaps add up."""
    raise NotImplementedError
