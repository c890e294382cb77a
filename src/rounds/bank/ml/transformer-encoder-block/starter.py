import math

import torch


def encoder_block(x, p, n_heads, key_padding_mask=None):
    """One pre-LN transformer encoder block.

    x: float64 (B, T, d). p: dict of float64 tensors:
      ln1_weight, ln1_bias, ln2_weight, ln2_bias: (d,)
      wq, wk, wv, wo: (d, d); bq, bk, bv, bo: (d,)
      w1: (f, d), b1: (f,), w2: (d, f), b2: (d,)
    h = x + MHA(LN1(x)); y = h + W2 gelu(W1 LN2(h) + b1) + b2. Returns float64 (B, T, d).
    Level 2: key_padding_mask, bool (B, T), True marks padding keys.
    """
    raise NotImplementedError
