import math

import torch


def fans(shape):
    receptive = math.prod(shape[2:]) if len(shape) > 2 else 1
    return shape[1] * receptive, shape[0] * receptive  # (fan_in, fan_out)


def init_weight(shape, scheme, seed, mode="fan_in", nonlinearity="relu", negative_slope=0.0):
    g = torch.Generator().manual_seed(seed)
    fan_in, fan_out = fans(shape)
    if scheme.startswith("xavier"):
        std = math.sqrt(2.0 / (fan_in + fan_out))
    else:
        gain = {"relu": math.sqrt(2.0), "leaky_relu": math.sqrt(2.0 / (1 + negative_slope**2)),
                "linear": 1.0, "tanh": 5.0 / 3}[nonlinearity]
        std = gain / math.sqrt(fan_in if mode == "fan_in" else fan_out)
    if scheme.endswith("uniform"):
        bound = std
        return (torch.rand(shape, generator=g, dtype=torch.float64) * 2 - 1) * bound
    return torch.randn(shape, generator=g, dtype=torch.float64) * std
