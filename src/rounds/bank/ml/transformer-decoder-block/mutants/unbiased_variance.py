import math

import torch


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias


def gelu(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def attention(xq, xkv, p, prefix, n_heads, causal):
    B, T, d = xq.shape
    S = xkv.shape[1]
    dh = d // n_heads
    b = "b" if prefix == "w" else "cb"  # self-attention biases bq.., cross-attention biases cbq..
    q = (xq @ p[prefix + "q"].T + p[b + "q"]).view(B, T, n_heads, dh).transpose(1, 2)
    k = (xkv @ p[prefix + "k"].T + p[b + "k"]).view(B, S, n_heads, dh).transpose(1, 2)
    v = (xkv @ p[prefix + "v"].T + p[b + "v"]).view(B, S, n_heads, dh).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(dh)
    if causal:
        scores = scores.masked_fill(torch.ones(T, S, dtype=torch.bool).triu(1), float("-inf"))
    out = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(B, T, d)
    return out @ p[prefix + "o"].T + p[b + "o"]


def decoder_block(x, p, n_heads, memory=None):
    z = layer_norm(x, p["ln1_weight"], p["ln1_bias"])
    h = x + attention(z, z, p, "w", n_heads, causal=True)
    if memory is not None:
        # Cross-attention: queries from the decoder, keys and values from the encoder's output as is.
        h = h + attention(layer_norm(h, p["ln2_weight"], p["ln2_bias"]), memory, p, "c", n_heads, causal=False)
        last = "ln3"
    else:
        last = "ln2"
    z = layer_norm(h, p[last + "_weight"], p[last + "_bias"])
    return h + gelu(z @ p["w1"].T + p["b1"]) @ p["w2"].T + p["b2"]
