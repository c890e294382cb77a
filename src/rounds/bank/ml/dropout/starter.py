import torch


def dropout(x, p, training, seed):
    """Inverted dropout.

    x: float64 tensor of any shape; p: probability of dropping each element (0 <= p <= 1);
    training: bool; seed: int for a torch.Generator. Returns a new float64 tensor of x's shape:
    in training, each element is independently 0 with probability p, else x / (1 - p);
    in evaluation (training=False), x unchanged.
    """
    raise NotImplementedError


def dropout_with_grad(x, p, seed, grad_out):
    """Level 2: (y, grad_x) for training mode: y as dropout(x, p, True, seed) and grad_x the
    gradient of sum(y * grad_out) with respect to x, using the same mask."""
    raise NotImplementedError
