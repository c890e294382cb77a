import math

import numpy as np


def shard_indices(n, num_replicas, rank, epoch, seed=0, shuffle=True, drop_last=False):
    """The dataset indices rank `rank` reads in epoch `epoch`, in order, as a list of Python ints.

    order: np.random.default_rng(seed + epoch).permutation(n) if shuffle else 0..n-1.
    drop_last: keep the first floor(n / R) * R entries. Otherwise pad to ceil(n / R) * R entries by
    repeating order from its start (cycling through it again if needed). Rank r takes the entries at
    positions r, r + R, r + 2R, ... (R = num_replicas).
    """
    raise NotImplementedError
