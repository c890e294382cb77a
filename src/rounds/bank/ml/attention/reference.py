import numpy as np


def attention(q, k, v, mask=None):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(axis=-1, keepdims=True)
    return p @ v


def causal_attention(q, k, v):
    lq, lk = q.shape[-2], k.shape[-2]
    mask = np.tril(np.ones((lq, lk), dtype=bool), k=lk - lq)
    return attention(q, k, v, mask)


def attention_with_padding(q, k, v, mask):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    mask = np.broadcast_to(mask, s.shape)
    any_key = mask.any(axis=-1, keepdims=True)
    s = np.where(mask, s, -np.inf)
    s = s - np.where(any_key, s.max(axis=-1, keepdims=True), 0.0)
    p = np.where(mask, np.exp(s), 0.0)
    denom = p.sum(axis=-1, keepdims=True)
    p = p / np.where(any_key, denom, 1.0)
    return p @ v
