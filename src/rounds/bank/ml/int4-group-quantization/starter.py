import numpy as np


def quantize_int4_groups(W, group_size):
    """Asymmetric 4-bit quantization with one scale and zero point per group of input columns.

    W (out, in) float64; group_size divides in and is even. For each row and each block of
    group_size consecutive columns: mn = min(min, 0), mx = max(max, 0); scale = (mx - mn) / 15 (1.0 if mx == mn);
    zero = clip(rint(-mn / scale), 0, 15); q = clip(rint(w / scale) + zero, 0, 15).
    Pack two codes per byte: column 2j in the low nibble, 2j + 1 in the high nibble.
    Return (packed (out, in / 2) uint8, scales (out, in / group_size) float64, zeros (same) uint8).
    """
    raise NotImplementedError


def dequantize_int4_groups(packed, scales, zeros, group_size):
    """Level 2: unpack and return (out, in) float64 values (q - zero) * scale."""
    raise NotImplementedError
