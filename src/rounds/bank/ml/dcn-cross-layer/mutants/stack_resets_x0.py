import torch


def cross_layer(x0, xl, W, b):
    return x0 * (xl @ W.T + b) + xl


def cross_network(x0, Ws, bs):
    x = x0
    for W, b in zip(Ws, bs, strict=True):
        x = cross_layer(x, x, W, b)
    return x


def low_rank_cross_layer(x0, xl, U, V, b):
    # W = U V^T without forming the d x d matrix: project down to r, then back up.
    return x0 * ((xl @ V) @ U.T + b) + xl
