"""Statistical checks of initialisers: no expected tensors, the distribution instead.

For every returned tensor: the shape and dtype; a mean near 0; a variance within
six standard errors of the scheme's target; for uniform schemes every value
inside [-a, a] with the largest close to a, and a kurtosis near 1.8; for normal
schemes a kurtosis near 3.
"""

import math

import torch

from rounds.testkit import Call, custom


def target(shape, scheme, mode="fan_in", nonlinearity="relu", negative_slope=0.0):
    receptive = math.prod(shape[2:]) if len(shape) > 2 else 1
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    if scheme.startswith("xavier"):
        return 2.0 / (fan_in + fan_out)
    gain2 = {"relu": 2.0, "leaky_relu": 2.0 / (1 + negative_slope**2), "linear": 1.0, "tanh": 25.0 / 9}[nonlinearity]
    return gain2 / (fan_in if mode == "fan_in" else fan_out)


def _check(actual, expected, args):
    shape, scheme = args[0], args[1]
    var = target(*args[:2], *args[3:])
    if not torch.is_tensor(actual):
        return f"returned {type(actual).__name__}, expected a torch.Tensor"
    if tuple(actual.shape) != tuple(shape) or actual.dtype != torch.float64:
        return f"returned {actual.dtype} of shape {tuple(actual.shape)}, expected float64 of shape {tuple(shape)}"
    w = actual.flatten()
    n = w.numel()
    if not torch.isfinite(w).all():
        return "the tensor holds NaN or inf"
    mean = w.mean().item()
    if abs(mean) > 6 * math.sqrt(var / n):
        return f"mean {mean:.3g}: an initialiser is centred at 0"
    m2 = ((w - mean) ** 2).mean().item()
    kurt = ((w - mean) ** 4).mean().item() / m2**2
    uniform = scheme.endswith("uniform")
    k_pop = 1.8 if uniform else 3.0
    se = var * math.sqrt((k_pop - 1) / n)
    if abs(m2 - var) > 6 * se:
        return (f"variance {m2:.4g}, expected {var:.4g} (std {math.sqrt(m2):.4g} vs {math.sqrt(var):.4g}): "
                f"check the fans and the gain")
    if uniform:
        a = math.sqrt(3 * var)
        big = w.abs().max().item()
        if big > a * (1 + 1e-9):
            return f"a value of magnitude {big:.4g} lies outside the bound a = {a:.4g}"
        if abs(kurt - 1.8) > 0.15:
            return f"kurtosis {kurt:.2f}: the values do not look uniform (a uniform distribution has 1.8)"
    elif abs(kurt - 3.0) > 0.3:
        return f"kurtosis {kurt:.2f}: the values do not look normal (a normal distribution has 3)"
    return None


checker = custom(_check)


def case(shape, scheme, seed, note, **kw):
    return Call((tuple(shape), scheme, seed, *kw.values()), note=note)


def examples(level):
    if level == 1:
        return [case((300, 200), "xavier_uniform", 1, "a 200 -> 300 linear layer")]
    return [case((256, 128), "kaiming_normal", 2, "fan_in, relu", mode="fan_in", nonlinearity="relu",
                 negative_slope=0.0)]


def hidden(level, rng):
    s = lambda: rng.randrange(100000)  # noqa: E731
    if level == 1:
        cases = [
            case((400, 100), "xavier_uniform", s(), "fan_out 400, fan_in 100: both fans count"),
            case((100, 400), "xavier_normal", s(), "normal variant, fan_in 400"),
            case((64, 32, 3, 3), "xavier_uniform", s(), "a 3x3 convolution: fans include the kernel size"),
            case((500, 500), "xavier_normal", s(), "a square layer"),
            case((96, 48, 5), "xavier_normal", s(), "a 1-D convolution with kernel 5"),
        ]
        for _ in range(2):
            cases.append(case((rng.randint(100, 400), rng.randint(100, 400)), rng.choice(["xavier_uniform", "xavier_normal"]),
                              s(), "random linear layer"))
        return cases
    cases = [
        case((300, 100), "kaiming_normal", s(), "fan_in, relu: std sqrt(2 / fan_in)", mode="fan_in",
             nonlinearity="relu", negative_slope=0.0),
        case((300, 100), "kaiming_uniform", s(), "uniform, fan_in, relu", mode="fan_in",
             nonlinearity="relu", negative_slope=0.0),
        case((100, 300), "kaiming_normal", s(), "fan_out mode", mode="fan_out", nonlinearity="relu",
             negative_slope=0.0),
        case((200, 200), "kaiming_normal", s(), "leaky relu with slope 0.5: gain sqrt(2 / 1.25)",
             mode="fan_in", nonlinearity="leaky_relu", negative_slope=0.5),
        case((64, 16, 3, 3), "kaiming_uniform", s(), "a convolution, fan_in = 16 * 9", mode="fan_in",
             nonlinearity="relu", negative_slope=0.0),
        case((64, 16, 3, 3), "kaiming_normal", s(), "a convolution in fan_out mode, fan_out = 64 * 9",
             mode="fan_out", nonlinearity="relu", negative_slope=0.0),
        case((200, 300), "kaiming_uniform", s(), "linear gain 1", mode="fan_in", nonlinearity="linear",
             negative_slope=0.0),
    ]
    return cases
