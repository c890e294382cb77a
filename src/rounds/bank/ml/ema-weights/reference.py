import numpy as np


class EMA:
    """An exponential moving average of parameters, kept beside the model (a shadow copy)."""

    def __init__(self, params, decay=0.999, warmup=True):
        self.shadow = [np.array(p, dtype=np.float64, copy=True) for p in params]  # starts at the weights
        self.decay = decay
        self.warmup = warmup
        self.t = 0
        self.last = None

    def update(self, params):
        self.t += 1
        d = min(self.decay, (1 + self.t) / (10 + self.t)) if self.warmup else self.decay
        for s, p in zip(self.shadow, params, strict=True):
            s *= d
            s += (1 - d) * p
        self.last = d

    def averaged(self):
        return [s.copy() for s in self.shadow]

    def num_updates(self):
        return self.t

    def last_decay(self):
        return self.last
