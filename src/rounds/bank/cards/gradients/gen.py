"""Computed cards of the vanishing and exploding gradients deck."""

import math
import random


def g_chain(rng: random.Random) -> dict:
    return {"L": rng.choice([5, 10, 20, 30]), "w": rng.choice([1.0, 2.0, 3.0, 4.0])}


def a_chain(p: dict) -> float:
    return (0.25 * p["w"]) ** p["L"]


def c_chain(p: dict) -> float:
    return math.exp(p["L"] * (math.log(p["w"]) - math.log(4)))


def g_clip(rng: random.Random) -> dict:
    return {"a": rng.choice([3.0, 6.0, 0.3, 1.2]), "b": rng.choice([4.0, 8.0, 0.4, 0.5]), "c": rng.choice([1.0, 5.0, 0.5])}


def a_clip(p: dict) -> float:
    norm = math.hypot(p["a"], p["b"])
    return p["a"] * min(1.0, p["c"] / norm)


def c_clip(p: dict) -> float:
    norm = (p["a"] ** 2 + p["b"] ** 2) ** 0.5
    return p["a"] if norm <= p["c"] else p["a"] / norm * p["c"]


def g_rnn(rng: random.Random) -> dict:
    return {"lam": rng.choice([0.9, 0.95, 1.05, 1.1, 0.5]), "T": rng.choice([10, 20, 50, 100])}


def a_rnn(p: dict) -> float:
    return p["lam"] ** p["T"]


def c_rnn(p: dict) -> float:
    x = 1.0
    for _ in range(p["T"]):
        x *= p["lam"]
    return x


def g_ce_grad(rng: random.Random) -> dict:
    return {"a": rng.randint(-2, 3), "b": rng.randint(-2, 3), "c": rng.randint(-2, 3), "y": rng.randint(1, 3), "k": rng.randint(1, 3)}


def _ce(zs: list, y: int) -> float:
    m = max(zs)
    return m + math.log(sum(math.exp(z - m) for z in zs)) - zs[y]


def a_ce_grad(p: dict) -> float:
    zs = [p["a"], p["b"], p["c"]]
    m = max(zs)
    e = [math.exp(z - m) for z in zs]
    prob = e[p["k"] - 1] / sum(e)
    return prob - (1.0 if p["k"] == p["y"] else 0.0)


def c_ce_grad(p: dict) -> float:
    h = 1e-6
    zs = [float(p["a"]), float(p["b"]), float(p["c"])]
    up, down = list(zs), list(zs)
    up[p["k"] - 1] += h
    down[p["k"] - 1] -= h
    return (_ce(up, p["y"] - 1) - _ce(down, p["y"] - 1)) / (2 * h)


def g_lin(rng: random.Random) -> dict:
    return {"w": rng.choice([0.5, -1.0, 2.0]), "b": rng.choice([0.0, 0.5, -1.0]), "x": rng.choice([1.0, 2.0, -3.0]), "y": rng.choice([0.0, 1.0, 4.0])}


def a_lin(p: dict) -> float:
    return 2 * (p["w"] * p["x"] + p["b"] - p["y"]) * p["x"]


def c_lin(p: dict) -> float:
    h = 1e-6
    loss = lambda w: (w * p["x"] + p["b"] - p["y"]) ** 2  # noqa: E731
    return (loss(p["w"] + h) - loss(p["w"] - h)) / (2 * h)


def g_chain1(rng: random.Random) -> dict:
    return {"w": rng.choice([0.5, -1.0, 2.0]), "b": rng.choice([0.0, 1.0, -0.5]), "x": rng.choice([-1.0, 0.5, 1.0, 2.0])}


def a_chain1(p: dict) -> float:
    s = 1 / (1 + math.exp(-(p["w"] * p["x"] + p["b"])))
    return s * (1 - s) * p["w"]


def c_chain1(p: dict) -> float:
    h = 1e-6
    f = lambda x: 1 / (1 + math.exp(-(p["w"] * x + p["b"])))  # noqa: E731
    return (f(p["x"] + h) - f(p["x"] - h)) / (2 * h)


def g_msegrad(rng: random.Random) -> dict:
    return {"w": rng.choice([-1.0, 0.0, 0.5, 1.0, 2.0]), "b": rng.choice([-1.0, 0.0, 0.5]),
            "x1": rng.randint(-2, 3), "y1": rng.randint(-3, 4), "x2": rng.randint(-2, 3), "y2": rng.randint(-3, 4),
            "x3": rng.randint(-2, 3), "y3": rng.randint(-3, 4)}


def _mse(p: dict, w: float) -> float:
    pts = [(p["x1"], p["y1"]), (p["x2"], p["y2"]), (p["x3"], p["y3"])]
    return sum((w * x + p["b"] - y) ** 2 for x, y in pts) / 3


def a_msegrad(p: dict) -> float:
    pts = [(p["x1"], p["y1"]), (p["x2"], p["y2"]), (p["x3"], p["y3"])]
    return 2 / 3 * sum((p["w"] * x + p["b"] - y) * x for x, y in pts)


def c_msegrad(p: dict) -> float:
    h = 1e-4  # the loss is quadratic in w, so the central difference is exact up to rounding
    return (_mse(p, p["w"] + h) - _mse(p, p["w"] - h)) / (2 * h)


def g_chain2(rng: random.Random) -> dict:
    return {"w1": rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0, 2.0]), "w2": rng.choice([-2.0, -1.0, 0.5, 1.0, 3.0]),
            "x": rng.choice([-2.0, -1.0, 0.5, 1.0, 1.5])}


def a_chain2(p: dict) -> float:
    return p["w2"] * (1 - math.tanh(p["w1"] * p["x"]) ** 2) * p["x"]


def c_chain2(p: dict) -> float:
    h = 1e-6

    def f(w1: float) -> float:
        return p["w2"] * math.tanh(w1 * p["x"])

    return (f(p["w1"] + h) - f(p["w1"] - h)) / (2 * h)


def g_loggrad(rng: random.Random) -> dict:
    return {"w": rng.choice([-1.0, -0.5, 0.0, 0.5, 1.0]), "b": rng.choice([-1.0, 0.0, 0.5]),
            "x": rng.choice([-2.0, -1.0, 0.5, 1.0, 2.0, 3.0]), "y": rng.choice([0, 1])}


def a_loggrad(p: dict) -> float:
    s = 1 / (1 + math.exp(-(p["w"] * p["x"] + p["b"])))
    return (s - p["y"]) * p["x"]


def c_loggrad(p: dict) -> float:
    h = 1e-6

    def loss(w: float) -> float:
        z = w * p["x"] + p["b"]
        # BCE on the logit: softplus(z) - y z
        return max(z, 0) + math.log1p(math.exp(-abs(z))) - p["y"] * z

    return (loss(p["w"] + h) - loss(p["w"] - h)) / (2 * h)
