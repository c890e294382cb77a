import numpy as np


def quantize_per_channel(W):
    """Symmetric int8 quantization with one scale per row (output channel) of W.

    W: (out, in) float64. scale[c] = max |W[c]| / 127 (1.0 if the row is all zeros);
    q = clip(round_half_even(W / scale), -127, 127) as int8.
    Return (q (out, in) int8, scale (out,) float64). Do not modify W.
    """
    raise NotImplementedError


def dequantize(q, scale):
    """q (out, in) int8, scale (out,) float64 -> (out, in) float64, q * scale per row."""
    raise NotImplementedError


def int8_linear(x, q_w, w_scale, bias):
    """Level 2: y = x @ W.T + bias with int8 weights and dynamically quantized int8 activations.

    x (B, in) float64 is quantized per row with the level 1 rule; acc = q_x @ q_w.T accumulated in
    int32; y = acc * x_scale[:, None] * w_scale[None, :] + bias. Return (y (B, out) float64,
    acc (B, out) int32).
    """
    raise NotImplementedError
