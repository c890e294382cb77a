import numpy as np


def _split(t, heads):
    b, n, width = t.shape
    return t.reshape(b, n, heads, width // heads).transpose(0, 2, 1, 3)


def _attend(q, k, v, mask):
    s = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    p = np.exp(s - s.max(axis=-1, keepdims=True))
    return (p / p.sum(axis=-1, keepdims=True)) @ v


def _merge(o):
    b, h, n, dh = o.shape
    return o.reshape(b, n, h * dh)  # heads and tokens interleaved


def multi_head_attention(x_q, x_kv, w_q, w_k, w_v, w_o, num_heads, mask=None):
    q, k, v = _split(x_q @ w_q, num_heads), _split(x_kv @ w_k, num_heads), _split(x_kv @ w_v, num_heads)
    return _merge(_attend(q, k, v, mask)) @ w_o


def grouped_query_attention(x, w_q, w_k, w_v, w_o, num_heads, num_kv_heads):
    r = num_heads // num_kv_heads
    q = _split(x @ w_q, num_heads)
    k = np.repeat(_split(x @ w_k, num_kv_heads), r, axis=1)
    v = np.repeat(_split(x @ w_v, num_kv_heads), r, axis=1)
    n = x.shape[1]
    return _merge(_attend(q, k, v, np.tril(np.ones((n, n), dtype=bool)))) @ w_o
