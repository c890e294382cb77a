import math

import torch


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)  # biased variance, as nn.LayerNorm
    return (x - mean) / torch.sqrt(var + eps) * weight + bias


def gelu(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def attention(x, p, n_heads, key_padding_mask=None):
    B, T, d = x.shape
    dh = d // n_heads

    def heads(t):
        return t.view(B, T, n_heads, dh).transpose(1, 2)

    q = heads(x @ p["wq"].T + p["bq"])
    k = heads(x @ p["wk"].T + p["bk"])
    v = heads(x @ p["wv"].T + p["bv"])
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    if key_padding_mask is not None:
        scores = scores.masked_fill(key_padding_mask[:, None, None, :], float("-inf"))
    out = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(B, T, d)
    return out @ p["wo"].T + p["bo"]


def encoder_block(x, p, n_heads, key_padding_mask=None):
    xn = layer_norm(x, p["ln1_weight"], p["ln1_bias"])
    h = xn + attention(xn, p, n_heads, key_padding_mask)
    z = layer_norm(h, p["ln2_weight"], p["ln2_bias"])
    return h + gelu(z @ p["w1"].T + p["b1"]) @ p["w2"].T + p["b2"]
