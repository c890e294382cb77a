import numpy as np


def route_top_k(logits, k, capacity):
    """Top-k routing of T tokens over E experts with a per-expert capacity.

    logits: (T, E) float64 router logits. probs = softmax over experts. Each token picks its k most
    probable experts (descending; ties go to the lower expert index); weights are those k probs
    divided by their sum. Capacity: go through all tokens' 1st choices in token order, then all 2nd
    choices, ...; an assignment is kept if its expert has accepted fewer than `capacity` so far.
    Return (idx (T, k) int64, weights (T, k) float64, kept (T, k) bool).
    """
    raise NotImplementedError


def moe_forward(x, W_router, experts, k, capacity):
    """Level 2: x (T, d), W_router (d, E), experts (E, d, d). Router logits = x @ W_router.

    y[t] = sum over kept assignments (t, j) of weights[t, j] * (x[t] @ experts[idx[t, j]]).
    aux = E * sum_e (c_e / T) * mean_t(probs[t, e]), c_e = number of tokens choosing e (before drops).
    Return (y (T, d) float64, aux as a Python float).
    """
    raise NotImplementedError
