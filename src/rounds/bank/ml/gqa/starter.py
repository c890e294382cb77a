import math

import torch


def gqa(x, Wq, Wk, Wv, Wo, n_heads, n_kv_heads):
    """Causal grouped-query attention.

    x: (B, T, d) float64; Wq, Wo: (d, d); Wk, Wv: (n_kv_heads * dh, d) with dh = d // n_heads;
    weights applied as t @ W.T. Query head j uses key/value head j // (n_heads // n_kv_heads).
    Returns (B, T, d) float64.
    """
    raise NotImplementedError


def mha_to_gqa(Wk, Wv, n_heads, n_kv_heads):
    """Level 2: (Wk_g, Wv_g), each (n_kv_heads * dh, d): the mean of the key (value) projections of
    the heads in each group."""
    raise NotImplementedError
