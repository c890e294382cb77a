import numpy as np


def multi_head_attention(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    """Multi-head attention with weights applied as x @ w.

    x_q: (B, Lq, D), x_kv: (B, Lk, D), w_*: (D, D). Head j uses features
    j*dh .. (j+1)*dh - 1, dh = D // num_heads; scores scaled by 1/sqrt(dh).
    mask: bool broadcastable to (B, num_heads, Lq, Lk), True = may attend.
    Returns float64 (B, Lq, D).
    """
    raise NotImplementedError


def grouped_query_attention(x, w_q, w_k, w_v, w_o, num_heads, num_kv_heads):
    """Level 2: causal self-attention where kv head g serves query heads g*r .. g*r + r - 1."""
    raise NotImplementedError
