import numpy as np


def _angles(positions, d, base):
    inv = base ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    a = np.asarray(positions, dtype=np.float64)[:, None] * inv[None, :]
    return np.cos(a), np.sin(a)


def apply_rope(x, positions, base=10000.0):
    return apply_rope_half(x, positions, base)  # the rotate_half layout for both


def apply_rope_half(x, positions, base=10000.0):
    h = x.shape[-1] // 2
    cos, sin = _angles(positions, x.shape[-1], base)
    a, b = x[..., :h], x[..., h:]
    return np.concatenate([a * cos - b * sin, b * cos + a * sin], axis=-1)
