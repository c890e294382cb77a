import numpy as np


def reduce_scatter(buffers):
    """Ring reduce-scatter over len(buffers) simulated ranks.

    buffers: list of N float32 arrays of shape (L,), buffers[r] held by rank r. Split [0, L) into N
    contiguous chunks, the first L % N of them one element longer. In N - 1 steps, at step s every
    rank r sends its partial of chunk (r - 1 - s) mod N to rank (r + 1) mod N, which stores
    received + its own partial (float32). Return a list of N float32 arrays: element r is rank r's
    fully reduced chunk r. Results are compared bit for bit. Do not modify the inputs.
    """
    raise NotImplementedError


def ring_all_reduce(buffers):
    """Level 2: reduce-scatter, then a ring all-gather (at step s rank r forwards chunk (r - s) mod N).

    Return (outputs, sent): outputs is a list of N float32 arrays of shape (L,), one per rank;
    sent is a list of N ints, the number of elements rank r sent over both phases.
    """
    raise NotImplementedError
