import torch


def cross_layer(x0, xl, W, b):
    """One DCN-V2 cross layer: x0 * (xl W^T + b) + xl.

    x0, xl: float64 (B, d); W: (d, d); b: (d,). Returns float64 (B, d).
    """
    raise NotImplementedError


def cross_network(x0, Ws, bs):
    """Level 2: apply len(Ws) cross layers in order, starting from xl = x0; every layer multiplies by
    the original x0. Ws: list of (d, d); bs: list of (d,). Returns float64 (B, d)."""
    raise NotImplementedError


def low_rank_cross_layer(x0, xl, U, V, b):
    """Level 3: the cross layer with W = U V^T (U, V: (d, r)), without forming W."""
    raise NotImplementedError
