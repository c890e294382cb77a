import numpy as np


def round_to_bf16(x):
    """Round float32 values to bfloat16 precision, returned as float32 arrays.

    x: float32 array of any shape. bfloat16 keeps the upper 16 bits of a float32 (sign, 8 exponent
    bits, 7 mantissa bits). Round to nearest, ties to even, on the bit pattern; overflow becomes
    +-inf; NaN stays NaN. Return a new float32 array of x's shape.
    """
    raise NotImplementedError


def stochastic_round_bf16(x, r):
    """Level 2: stochastic rounding. r: uint32 array of x's shape; use its low 16 bits as the noise.

    Add the noise to the float32 bit pattern, then keep the upper 16 bits. inf and NaN pass through.
    """
    raise NotImplementedError
