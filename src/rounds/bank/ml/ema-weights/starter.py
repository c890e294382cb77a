import numpy as np


class EMA:
    """Exponential moving average of a list of float64 parameter arrays.

    EMA(params, decay=0.999, warmup=True): the shadow starts as a copy of params.
    update(params): t += 1; d = min(decay, (1 + t) / (10 + t)) if warmup else decay;
        shadow = d * shadow + (1 - d) * params, for every array. Do not modify params.
    averaged() -> list of copies of the shadow arrays. num_updates() -> int.
    last_decay() -> the d used by the latest update (a float), or None before the first update.
    """

    def __init__(self, params, decay=0.999, warmup=True):
        raise NotImplementedError

    def update(self, params):
        raise NotImplementedError

    def averaged(self):
        raise NotImplementedError

    def num_updates(self):
        raise NotImplementedError

    def last_decay(self):
        raise NotImplementedError
