"""Computed cards of the activations deck."""

import math
import random


def g_softmax(rng: random.Random) -> dict:
    return {"a": rng.randint(-2, 4), "b": rng.randint(-2, 4), "c": rng.randint(-2, 4)}


def a_softmax(p: dict) -> float:
    m = max(p["a"], p["b"], p["c"])
    e = [math.exp(p[k] - m) for k in "abc"]
    return e[0] / sum(e)


def c_softmax(p: dict) -> float:
    return 1 / (1 + math.exp(p["b"] - p["a"]) + math.exp(p["c"] - p["a"]))


def g_sig(rng: random.Random) -> dict:
    return {"x": rng.choice([-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 4])}


def a_sig(p: dict) -> float:
    s = 1 / (1 + math.exp(-p["x"]))
    return s * (1 - s)


def c_sig(p: dict) -> float:
    x = p["x"]
    return math.exp(-x) / (1 + math.exp(-x)) ** 2


def g_tanh(rng: random.Random) -> dict:
    return {"x": rng.choice([-2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3])}


def a_tanh(p: dict) -> float:
    return 1 - math.tanh(p["x"]) ** 2


def c_tanh(p: dict) -> float:
    return 1 / math.cosh(p["x"]) ** 2


def g_gelu(rng: random.Random) -> dict:
    return {"x": rng.choice([-2, -1, -0.5, 0.5, 1, 2, 3])}


def a_gelu(p: dict) -> float:
    x = p["x"]
    return x * 0.5 * (1 + math.erf(x / math.sqrt(2)))


def c_gelu(p: dict) -> float:
    x = p["x"]
    return x * 0.5 * math.erfc(-x / math.sqrt(2))


def g_sm_grad(rng: random.Random) -> dict:
    return {"a": rng.randint(-2, 3), "b": rng.randint(-2, 3), "c": rng.randint(-2, 3), "j": rng.randint(1, 3)}


def _softmax(zs: list) -> list:
    m = max(zs)
    e = [math.exp(z - m) for z in zs]
    return [x / sum(e) for x in e]


def a_sm_grad(p: dict) -> float:
    s = _softmax([p["a"], p["b"], p["c"]])
    j = p["j"] - 1
    return s[0] * ((1.0 if j == 0 else 0.0) - s[j])


def c_sm_grad(p: dict) -> float:
    h = 1e-6
    zs = [float(p["a"]), float(p["b"]), float(p["c"])]
    up, down = list(zs), list(zs)
    up[p["j"] - 1] += h
    down[p["j"] - 1] -= h
    return (_softmax(up)[0] - _softmax(down)[0]) / (2 * h)


def g_silu(rng: random.Random) -> dict:
    return {"x": rng.choice([-3, -1, -0.5, 0.5, 1, 2, 4])}


def a_silu(p: dict) -> float:
    return p["x"] / (1 + math.exp(-p["x"]))


def c_silu(p: dict) -> float:
    x = p["x"]
    return x * (0.5 + 0.5 * math.tanh(x / 2))


def g_softplus(rng: random.Random) -> dict:
    return {"x": rng.choice([-4, -2, -1, 0, 1, 2, 5])}


def a_softplus(p: dict) -> float:
    return math.log(1 + math.exp(p["x"]))


def c_softplus(p: dict) -> float:
    x = p["x"]
    return max(x, 0) + math.log1p(math.exp(-abs(x)))


def g_elu(rng: random.Random) -> dict:
    return {"x": rng.choice([-3, -2, -1, -0.5, 0.5, 1, 2]), "alpha": rng.choice([1.0, 0.5, 2.0])}


def a_elu(p: dict) -> float:
    x = p["x"]
    return x if x > 0 else p["alpha"] * (math.exp(x) - 1)


def c_elu(p: dict) -> float:
    x = p["x"]
    return max(x, 0) + min(0.0, p["alpha"] * math.expm1(x))


def g_swiglu(rng: random.Random) -> dict:
    return {"d": rng.choice([768, 1024, 2048, 3072, 4096, 5120, 8192])}


def a_swiglu(p: dict) -> float:
    return 8 * p["d"] / 3


def c_swiglu(p: dict) -> float:
    standard = 2 * p["d"] * (4 * p["d"])
    return standard / (3 * p["d"])


def g_gelut(rng: random.Random) -> dict:
    return {"x": rng.choice([-2, -1, -0.5, 0.5, 1, 1.5, 2, 3])}


def a_gelut(p: dict) -> float:
    x = p["x"]
    return 0.5 * x * (1 + math.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


def c_gelut(p: dict) -> float:
    x = p["x"]
    u = math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)
    t = (math.exp(2 * u) - 1) / (math.exp(2 * u) + 1)
    return x * (1 + t) / 2


def g_relumean(rng: random.Random) -> dict:
    return {"s": rng.choice([0.1, 0.5, 1, 2, 3])}


def a_relumean(p: dict) -> float:
    return p["s"] / math.sqrt(2 * math.pi)


def c_relumean(p: dict) -> float:
    s, n = p["s"], 1500
    top = 12 * s
    h = top / n
    total = 0.0
    for i in range(n):  # midpoint rule on x * density over (0, 12 s)
        x = (i + 0.5) * h
        total += x * math.exp(-x * x / (2 * s * s)) / (s * math.sqrt(2 * math.pi))
    return total * h
