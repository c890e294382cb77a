import numpy as np


class LossScaler:
    """SGD on float32 master weights with float16 gradients and a dynamic loss scale."""

    def __init__(self, params, lr, init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5,
                 growth_interval=2000):
        self._params = [np.array(p, dtype=np.float32) for p in params]  # own float32 copies
        self._lr = np.float32(lr)
        self._scale = float(init_scale)
        self._growth, self._backoff, self._interval = growth_factor, backoff_factor, growth_interval
        self._good_steps = 0  # consecutive applied steps since the scale last changed

    def step(self, grads):
        with np.errstate(over="ignore", invalid="ignore"):
            halves = [(np.asarray(g, dtype=np.float64) * self._scale).astype(np.float16) for g in grads]
        if not all(np.isfinite(h).all() for h in halves):  # inf or nan in any gradient
            self._scale *= self._backoff
            self._good_steps = 0
            return False  # skipped: the weights do not move
        inv = np.float32(self._scale)
        for p, h in zip(self._params, halves, strict=True):
            p -= self._lr * (h.astype(np.float32) / inv)
        self._good_steps += 1
        if self._good_steps == self._interval:
            self._scale *= self._growth
            self._good_steps = 0
        return True

    def scale(self):
        return self._scale

    def params(self):
        return [p.copy() for p in self._params]
