import numpy as np


def tp_mlp_forward(x, W1, b1, W2, b2, world_size):
    """The MLP y = relu(x @ W1.T + b1) @ W2.T + b2, simulated over world_size tensor-parallel ranks.

    x (B, d), W1 (h, d), b1 (h,), W2 (d_out, h), b2 (d_out,), float64; world_size divides h.
    Rank r owns hidden units [r*h/ws, (r+1)*h/ws): those rows of W1 and b1, those columns of W2.
    Return (y, partials): y (B, d_out) float64; partials a list of world_size (B, d_out) float64
    arrays, rank r's output before the all-reduce (without b2). Do not modify the inputs.
    """
    raise NotImplementedError


def tp_mlp_backward(x, W1, b1, W2, b2, world_size, grad_y):
    """Level 2: grad_y (B, d_out) is dL/dy. Return (dx, shards, db2).

    dx (B, d): the full gradient for x; shards: a list of world_size tuples (dW1_r, db1_r, dW2_r)
    with shapes (h/ws, d), (h/ws,), (d_out, h/ws); db2 (d_out,). ReLU'(0) = 0.
    """
    raise NotImplementedError
