import math

import torch


class AdamW:
    """Adam with decoupled weight decay, over a list of float64 tensors.

    AdamW(params, lr, beta1, beta2, eps, weight_decay): params is a list of tensors (copy them);
    the optimiser owns and updates its copies.
    step(grads) -> list[torch.Tensor]: apply one update with one gradient per parameter (same
    shapes), return copies of all parameters after the update, in order.
    """

    def __init__(self, params, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
        raise NotImplementedError

    def step(self, grads):
        raise NotImplementedError
