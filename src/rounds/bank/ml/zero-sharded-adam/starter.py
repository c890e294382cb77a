import numpy as np


class ZeroAdam:
    """Adam (bias-corrected, no weight decay) with its state sharded over world_size ranks.

    Flatten the parameters in order (each in row-major order) into one float64 vector of length P,
    pad it with zeros to world_size * ceil(P / world_size), and give rank r the r-th equal slice.
    Each rank keeps m and v only for its slice.

    step(grads_per_rank): grads_per_rank[r] is rank r's list of local gradients (shapes as params).
    Each rank averages its slice over the ranks, runs Adam on it, then the slices are gathered.
    Returns the list of parameters (float64, original shapes) after the step.
    shard(rank) -> the rank's slice (float64, padding included). state_sizes() -> list of ints,
    the number of optimiser-state values each rank holds.
    """

    def __init__(self, params, world_size, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        raise NotImplementedError

    def step(self, grads_per_rank):
        raise NotImplementedError

    def shard(self, rank):
        raise NotImplementedError

    def state_sizes(self):
        raise NotImplementedError
