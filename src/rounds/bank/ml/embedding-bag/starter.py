import numpy as np


def embedding_bag(weight, indices, offsets, mode="mean"):
    """Pool weight rows per bag; bag i is indices[offsets[i]:offsets[i+1]] (last bag to the end).

    mode: "sum" | "mean" | "max" (else ValueError). Empty bags give zero rows. Returns (B, D).
    """
    raise NotImplementedError


def embedding_bag_backward(weight, indices, offsets, dout, mode="mean"):
    """Level 2: dense dL/dweight of shape (V, D); repeated ids accumulate."""
    raise NotImplementedError
