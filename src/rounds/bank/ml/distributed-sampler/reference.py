import math

import numpy as np


def shard_indices(n, num_replicas, rank, epoch, seed=0, shuffle=True, drop_last=False):
    if shuffle:
        order = np.random.default_rng(seed + epoch).permutation(n).tolist()  # same on every rank
    else:
        order = list(range(n))
    if drop_last:
        total = (n // num_replicas) * num_replicas  # drop the tail so every rank gets the same count
        order = order[:total]
    else:
        total = math.ceil(n / num_replicas) * num_replicas
        pad = total - n
        order += (order * math.ceil(pad / n))[:pad] if pad else []  # wrap around, more than once if n is small
    return order[rank:total:num_replicas]  # strided: rank r takes positions r, r + R, r + 2R, ...
