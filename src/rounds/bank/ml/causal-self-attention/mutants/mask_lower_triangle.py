import math

import torch


def self_attention(x, Wq, Wk, Wv, Wo, n_heads, causal=False, key_padding_mask=None):
    B, T, d = x.shape
    dh = d // n_heads

    def heads(t):  # (B, T, d) -> (B, H, T, dh)
        return t.view(B, T, n_heads, dh).transpose(1, 2)

    q, k, v = heads(x @ Wq.T), heads(x @ Wk.T), heads(x @ Wv.T)
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)  # (B, H, T, T)
    blocked = torch.zeros(B, 1, T, T, dtype=torch.bool)
    if causal:
        blocked |= torch.ones(T, T, dtype=torch.bool).tril(-1)
    if key_padding_mask is not None:
        blocked |= key_padding_mask[:, None, None, :]
    scores = scores.masked_fill(blocked, float("-inf"))
    # A query whose every key is blocked gets all-zero weights instead of NaN.
    empty = blocked.all(dim=-1, keepdim=True)
    weights = torch.softmax(scores.masked_fill(empty, 0.0), dim=-1).masked_fill(empty, 0.0)
    out = (weights @ v).transpose(1, 2).reshape(B, T, d)
    y = out @ Wo.T
    if key_padding_mask is not None:
        y = y.masked_fill(key_padding_mask[:, :, None], 0.0)
    return y


def causal_self_attention(x, Wq, Wk, Wv, Wo, n_heads, key_padding_mask=None):
    return self_attention(x, Wq, Wk, Wv, Wo, n_heads, causal=True, key_padding_mask=key_padding_mask)
