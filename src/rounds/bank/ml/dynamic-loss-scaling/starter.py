import numpy as np


class LossScaler:
    """SGD on float32 master weights, with float16 gradients and a dynamic loss scale.

    LossScaler(params, lr, init_scale, growth_factor, backoff_factor, growth_interval): params is a
    list of arrays; keep float32 copies (the master weights).
    step(grads) -> bool: grads are the true float64 gradients, one per parameter. Simulate the fp16
    backward: h = (g * scale).astype(np.float16). If any h holds inf or nan: skip (weights unchanged),
    scale *= backoff_factor, reset the good-step count, return False. Otherwise, in float32,
    p -= float32(lr) * (h.astype(float32) / float32(scale)); count the step; when the count reaches
    growth_interval, scale *= growth_factor and reset the count; return True.
    scale() -> float: the current scale. params() -> list of float32 copies of the weights.
    """

    def __init__(self, params, lr, init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5,
                 growth_interval=2000):
        raise NotImplementedError

    def step(self, grads):
        raise NotImplementedError

    def scale(self):
        raise NotImplementedError

    def params(self):
        raise NotImplementedError
