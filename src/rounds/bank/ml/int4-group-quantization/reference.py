import numpy as np


def quantize_int4_groups(W, group_size):
    out_f, in_f = W.shape
    G = W.reshape(out_f, in_f // group_size, group_size)  # groups of consecutive input columns
    mn = np.minimum(G.min(axis=2), 0.0)  # the grid always contains 0 (as in GPTQ)
    mx = np.maximum(G.max(axis=2), 0.0)
    scale = np.where(mx > mn, (mx - mn) / 15.0, 1.0)
    zero = np.clip(np.rint(-mn / scale), 0, 15)
    q = np.clip(np.rint(G / scale[..., None]) + zero[..., None], 0, 15).astype(np.uint8).reshape(out_f, in_f)
    packed = q[:, 0::2] | (q[:, 1::2] << 4)  # even column in the low nibble, odd column in the high one
    return packed.astype(np.uint8), scale, zero.astype(np.uint8)


def dequantize_int4_groups(packed, scales, zeros, group_size):
    out_f = packed.shape[0]
    q = np.empty((out_f, packed.shape[1] * 2), dtype=np.int64)
    q[:, 0::2] = packed & 0x0F
    q[:, 1::2] = packed >> 4  # unsigned nibbles: 0..15
    G = q.reshape(out_f, -1, group_size)
    return ((G - zeros[..., None].astype(np.int64)) * scales[..., None]).reshape(out_f, -1)
