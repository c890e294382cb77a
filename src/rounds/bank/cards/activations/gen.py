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
