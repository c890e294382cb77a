# trap: memory: the 1024 x 1024 scores must not be materialised
# models: dense scores: the whole (Lq, Lk) matrix at once
# caught by: test 1.7 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
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
