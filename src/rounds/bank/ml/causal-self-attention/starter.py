import math

import torch


def self_attention(x, Wq, Wk, Wv, Wo, n_heads):
    """Level 1: bidirectional multi-head self-attention.

    x: (B, T, d) float64; Wq, Wk, Wv, Wo: (d, d), applied as t @ W.T; n_heads divides d.
    Returns (B, T, d) float64.
    """
    raise NotImplementedError


def causal_self_attention(x, Wq, Wk, Wv, Wo, n_heads, key_padding_mask=None):
    """Level 2: position t attends only to positions <= t.

    Level 3: key_padding_mask, bool (B, T), True marks padding: no query attends to it, and the
    output rows at padding positions are all zeros.
    """
    raise NotImplementedError
