import math

import torch


class CachedAttention:
    """Causal multi-head self-attention for incremental decoding, with a key/value cache.

    Wq, Wk, Wv, Wo: float64 (d, d) weights, applied as x @ W.T. n_heads divides d; head j uses
    features j*dh .. (j+1)*dh - 1 of the projections (dh = d // n_heads).
    """

    def __init__(self, Wq, Wk, Wv, Wo, n_heads, window=None):
        raise NotImplementedError

    def step(self, x):
        """x: (d,) the next token's input. Returns its (d,) attention output; appends its K and V."""
        raise NotImplementedError

    def cache_len(self):
        """Number of positions held in the cache (an int)."""
        raise NotImplementedError

    def cache(self):
        """(K, V), each a (n_heads, cache_len, dh) float64 tensor, oldest position first."""
        raise NotImplementedError

    def prefill(self, X):
        """Level 2: X (T, d), T new tokens at once. Returns (T, d) outputs; appends T positions."""
        raise NotImplementedError
