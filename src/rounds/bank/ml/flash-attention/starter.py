import numpy as np


def flash_attention(q, k, v):
    """softmax(q @ k.T / sqrt(d)) @ v without forming the (Lq, Lk) score matrix.

    q: (Lq, d), k: (Lk, d), v: (Lk, dv). Tile over keys with a running max, running
    normaliser and running output; peak memory must stay below half of Lq * Lk * 8 bytes.
    """
    raise NotImplementedError


def flash_attention_causal(q, k, v):
    """Level 2: causal self-attention (query i sees keys 0..i), same memory budget."""
    raise NotImplementedError
