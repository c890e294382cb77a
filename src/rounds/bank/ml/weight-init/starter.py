import math

import torch


def init_weight(shape, scheme, seed, mode="fan_in", nonlinearity="relu", negative_slope=0.0):
    """A freshly initialised float64 weight tensor of the given shape.

    shape: tuple (out, in) for a linear layer or (out, in, k1, ...) for a convolution.
    scheme: "xavier_uniform" | "xavier_normal" (level 1) | "kaiming_uniform" | "kaiming_normal" (level 2).
    seed: int for a torch.Generator. mode, nonlinearity, negative_slope: Kaiming only.
    """
    raise NotImplementedError
