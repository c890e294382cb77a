import numpy as np


def attention(q, k, v, mask=None):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    p = np.exp(s - s.max(axis=-1, keepdims=True))
    return p / p.sum(axis=-1, keepdims=True) @ v


def causal_attention(q, k, v):
    lq, lk = q.shape[-2], k.shape[-2]
    return attention(q, k, v, np.tril(np.ones((lq, lk), dtype=bool), k=lk - lq + 1))  # sees the next token
