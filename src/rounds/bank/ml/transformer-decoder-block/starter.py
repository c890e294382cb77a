import math

import torch


def decoder_block(x, p, n_heads, memory=None):
    """One pre-LN transformer decoder block.

    x: float64 (B, T, d). p: dict of float64 tensors (see the statement for every key).
    Level 1 (memory None): h = x + CausalMHA(LN1(x)); y = h + W2 gelu(W1 LN2(h) + b1) + b2.
    Level 2 (memory (B, S, d)): a cross-attention sub-layer between them, and LN3 before the MLP.
    Returns float64 (B, T, d).
    """
    raise NotImplementedError
