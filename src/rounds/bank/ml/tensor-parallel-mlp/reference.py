import numpy as np


def _shard(h, world_size, r):
    size = h // world_size
    return slice(r * size, (r + 1) * size)  # contiguous block of hidden units


def tp_mlp_forward(x, W1, b1, W2, b2, world_size):
    h = W1.shape[0]
    partials = []
    for r in range(world_size):
        s = _shard(h, world_size, r)
        a = np.maximum(x @ W1[s].T + b1[s], 0.0)  # column-parallel: whole hidden units, ReLU is local
        partials.append(a @ W2[:, s].T)  # row-parallel: a partial sum of the output, no bias yet
    y = partials[0].copy()
    for p in partials[1:]:  # the all-reduce
        y = y + p
    return y + b2, partials  # the bias once, after the reduction


def tp_mlp_backward(x, W1, b1, W2, b2, world_size, grad_y):
    h = W1.shape[0]
    shards = []
    dx = None
    for r in range(world_size):
        s = _shard(h, world_size, r)
        z = x @ W1[s].T + b1[s]
        a = np.maximum(z, 0.0)
        dW2 = grad_y.T @ a  # grad_y is replicated on every rank: no communication needed
        da = grad_y @ W2[:, s]
        dz = da * (z > 0)  # ReLU'(0) = 0
        dW1 = dz.T @ x
        db1 = dz.sum(axis=0)
        part = dz @ W1[s]  # this rank's share of dL/dx
        dx = part if dx is None else dx + part  # the backward all-reduce
        shards.append((dW1, db1, dW2))
    db2 = grad_y.sum(axis=0)  # b2 is replicated and used once: its gradient is not summed over ranks
    return dx, shards, db2
