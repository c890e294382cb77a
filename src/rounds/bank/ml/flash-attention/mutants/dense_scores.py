import numpy as np


def _dense(q, k, v, causal):
    s = q @ k.T / np.sqrt(q.shape[1])  # the whole (Lq, Lk) matrix at once
    if causal:
        s = np.where(np.tril(np.ones(s.shape, dtype=bool)), s, -np.inf)
    p = np.exp(s - s.max(axis=1, keepdims=True))
    return (p / p.sum(axis=1, keepdims=True)) @ v


def flash_attention(q, k, v):
    return _dense(q, k, v, False)


def flash_attention_causal(q, k, v):
    return _dense(q, k, v, True)
