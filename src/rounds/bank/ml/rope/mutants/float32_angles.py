import numpy as np


def _angles(positions, d, base):
    inv = base ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    a = (np.asarray(positions, dtype=np.float32)[:, None] * inv[None, :].astype(np.float32)).astype(np.float64)
    return np.cos(a), np.sin(a)


def apply_rope(x, positions, base=10000.0):
    cos, sin = _angles(positions, x.shape[-1], base)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x, dtype=np.float64)
    out[..., 0::2] = even * cos - odd * sin
    out[..., 1::2] = odd * cos + even * sin
    return out


def apply_rope_half(x, positions, base=10000.0):
    h = x.shape[-1] // 2
    cos, sin = _angles(positions, x.shape[-1], base)
    a, b = x[..., :h], x[..., h:]
    return np.concatenate([a * cos - b * sin, b * cos + a * sin], axis=-1)
