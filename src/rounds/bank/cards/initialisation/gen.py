"""Computed cards of the initialisation deck."""

import math
import random


def g_he(rng: random.Random) -> dict:
    return {"fan_in": rng.choice([64, 128, 256, 512, 784, 1024, 4096])}


def a_he(p: dict) -> float:
    return math.sqrt(2 / p["fan_in"])


def c_he(p: dict) -> float:
    return (2.0 ** 0.5) / (p["fan_in"] ** 0.5)


def g_xavier(rng: random.Random) -> dict:
    return {"fan_in": rng.choice([100, 256, 300, 512, 784]), "fan_out": rng.choice([10, 100, 256, 512])}


def a_xavier(p: dict) -> float:
    return math.sqrt(6 / (p["fan_in"] + p["fan_out"]))


def c_xavier(p: dict) -> float:
    var = 2 / (p["fan_in"] + p["fan_out"])  # Glorot variance; uniform(-a, a) has variance a^2 / 3
    return math.sqrt(3 * var)


def g_var(rng: random.Random) -> dict:
    return {"n": rng.choice([100, 256, 512, 1000]), "s": rng.choice([0.01, 0.05, 0.1, 1.0])}


def a_var(p: dict) -> float:
    return math.sqrt(p["n"]) * p["s"]


def c_var(p: dict) -> float:
    return math.sqrt(p["n"] * p["s"] ** 2 * 1.0)


def g_prior(rng: random.Random) -> dict:
    return {"pi": rng.choice([0.5, 0.1, 0.05, 0.01, 0.001, 0.2])}


def a_prior(p: dict) -> float:
    return math.log(p["pi"] / (1 - p["pi"]))


def c_prior(p: dict) -> float:
    lo, hi = -50.0, 50.0  # bisection on sigmoid(b) = pi
    for _ in range(200):
        mid = (lo + hi) / 2
        if 1 / (1 + math.exp(-mid)) < p["pi"]:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def g_lecun(rng: random.Random) -> dict:
    return {"fan_in": rng.choice([64, 100, 256, 400, 1024])}


def a_lecun(p: dict) -> float:
    return 1 / math.sqrt(p["fan_in"])


def c_lecun(p: dict) -> float:
    return math.sqrt(1 / p["fan_in"])


def g_heu(rng: random.Random) -> dict:
    return {"fan_in": rng.choice([6, 24, 96, 150, 256, 600, 1536])}


def a_heu(p: dict) -> float:
    return math.sqrt(6 / p["fan_in"])


def c_heu(p: dict) -> float:
    gain = math.sqrt(2.0)  # ReLU gain; bound = gain * sqrt(3 / fan_in)
    return gain * math.sqrt(3 / p["fan_in"])


def g_convhe(rng: random.Random) -> dict:
    return {"cin": rng.choice([3, 8, 16, 64, 128, 256]), "cout": rng.choice([16, 32, 64, 128, 512]),
            "k": rng.choice([1, 3, 5, 7])}


def a_convhe(p: dict) -> float:
    return math.sqrt(2 / (p["cin"] * p["k"] * p["k"]))


def c_convhe(p: dict) -> float:
    fan_in = sum(1 for _ in range(p["cin"]) for _ in range(p["k"]) for _ in range(p["k"]))
    return (2 / fan_in) ** 0.5


def g_lindef(rng: random.Random) -> dict:
    return {"n": rng.choice([16, 64, 100, 256, 400, 1024, 4096])}


def a_lindef(p: dict) -> float:
    return 1 / math.sqrt(p["n"])


def c_lindef(p: dict) -> float:
    a = math.sqrt(5)
    gain = math.sqrt(2 / (1 + a * a))
    std = gain / math.sqrt(p["n"])
    return math.sqrt(3) * std


def g_depth(rng: random.Random) -> dict:
    return {"L": rng.choice([10, 20, 50, 100]), "c": rng.choice([0.9, 0.95, 1.05, 1.1, 1.2])}


def a_depth(p: dict) -> float:
    return p["c"] ** p["L"]


def c_depth(p: dict) -> float:
    var = 1.0
    for _ in range(p["L"]):
        var *= p["c"] ** 2  # n * (c^2 / n)
    return math.sqrt(var)


def g_gpt2std(rng: random.Random) -> dict:
    return {"L": rng.choice([6, 12, 24, 36, 48, 96])}


def a_gpt2std(p: dict) -> float:
    return 0.02 / math.sqrt(2 * p["L"])


def c_gpt2std(p: dict) -> float:
    return math.sqrt(0.02 ** 2 / (2 * p["L"]))
