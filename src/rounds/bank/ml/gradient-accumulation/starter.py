import numpy as np

IGNORE = -100


def accumulated_step(W, micro_batches, lr, max_norm):
    """One optimiser step of SGD accumulated over micro-batches, for logits = X @ W.

    W: (d, V) float64. micro_batches: list of (X, labels), X (B_k, T_k, d) float64, labels (B_k, T_k)
    int64 with IGNORE (-100) on padding. The loss is the mean token cross-entropy over every
    non-ignored token of all micro-batches together. Clip the accumulated gradient once by its
    global L2 norm: coef = min(1, max_norm / (norm + 1e-6)), or not at all if max_norm is None.
    Return (W - lr * clipped_grad, loss, norm): a new (d, V) float64 array, the loss as a float, the
    norm before clipping as a float. Do not modify the inputs.
    """
    raise NotImplementedError
