import math

import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    """Clip a list of gradients by their global norm.

    grads: list of float64 tensors (any shapes); max_norm: float; norm_type: 2.0 at level 1,
    any p >= 1 or math.inf at level 2.
    Returns (clipped, total_norm): clipped is a list of new tensors, each g * min(1, max_norm /
    (total_norm + 1e-6)); total_norm is the norm of all gradients together, a Python float.
    The input tensors are not modified.
    """
    raise NotImplementedError
