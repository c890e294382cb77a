import math

import torch


def gqa(x, Wq, Wk, Wv, Wo, n_heads, n_kv_heads):
    B, T, d = x.shape
    dh = Wk.shape[0] // n_kv_heads
    group = n_heads // n_kv_heads
    q = (x @ Wq.T).view(B, T, n_kv_heads, group, dh).permute(0, 2, 3, 1, 4)  # (B, G, g, T, dh)
    k = (x @ Wk.T).view(B, T, n_kv_heads, 1, dh).permute(0, 2, 3, 1, 4)  # (B, G, 1, T, dh)
    v = (x @ Wv.T).view(B, T, n_kv_heads, 1, dh).permute(0, 2, 3, 1, 4)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d // n_kv_heads)  # K/V broadcast over the group, never copied
    future = torch.ones(T, T, dtype=torch.bool).triu(1)
    w = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
    out = (w @ v).permute(0, 3, 1, 2, 4).reshape(B, T, d)
    return out @ Wo.T


def mha_to_gqa(Wk, Wv, n_heads, n_kv_heads):
    d_in = Wk.shape[1]
    dh = Wk.shape[0] // n_heads
    group = n_heads // n_kv_heads

    def pool(W):
        return W.view(n_kv_heads, group, dh, d_in).mean(dim=1).reshape(n_kv_heads * dh, d_in)

    return pool(Wk), pool(Wv)
