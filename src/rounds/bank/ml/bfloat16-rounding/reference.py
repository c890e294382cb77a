import numpy as np


def round_to_bf16(x):
    bits = x.view(np.uint32).astype(np.uint64)  # room for the carry
    lsb = (bits >> 16) & 1  # the last bit bfloat16 keeps
    rounded = ((bits + 0x7FFF + lsb) & 0xFFFF0000).astype(np.uint32)  # nearest, ties to even
    out = rounded.view(np.float32)
    return np.where(np.isnan(x), np.float32(np.nan), out).astype(np.float32)  # NaN stays NaN


def stochastic_round_bf16(x, r):
    bits = x.view(np.uint32).astype(np.uint64)
    noise = r.astype(np.uint64) & 0xFFFF  # 16 random bits below the kept ones
    rounded = ((bits + noise) & 0xFFFF0000).astype(np.uint32)
    out = rounded.view(np.float32)
    return np.where(np.isfinite(x), out, x).astype(np.float32)  # inf and NaN pass through
