"""Computed cards of the RNN deck."""

import math
import random


def g_lstm(rng: random.Random) -> dict:
    return {"d": rng.choice([32, 64, 100, 128, 300]), "h": rng.choice([64, 128, 256, 512])}


def a_lstm(p: dict) -> float:
    d, h = p["d"], p["h"]
    return 4 * (h * d + h * h + 2 * h)


def c_lstm(p: dict) -> float:
    weight_ih = (4 * p["h"]) * p["d"]
    weight_hh = (4 * p["h"]) * p["h"]
    biases = 2 * (4 * p["h"])
    return weight_ih + weight_hh + biases


def a_gru(p: dict) -> float:
    d, h = p["d"], p["h"]
    return 3 * (h * d + h * h + 2 * h)


def c_gru(p: dict) -> float:
    return (3 * p["h"]) * (p["d"] + p["h"]) + 2 * (3 * p["h"])


def g_vanilla(rng: random.Random) -> dict:
    return {"d": rng.choice([10, 32, 50, 128]), "h": rng.choice([16, 64, 100, 256])}


def a_vanilla(p: dict) -> float:
    return p["h"] * p["d"] + p["h"] * p["h"] + 2 * p["h"]


def c_vanilla(p: dict) -> float:
    return p["h"] * (p["d"] + p["h"] + 2)


def g_bilstm(rng: random.Random) -> dict:
    return {"d": rng.choice([32, 64, 300]), "h": rng.choice([64, 128, 256])}


def a_bilstm(p: dict) -> float:
    d, h = p["d"], p["h"]
    first = 2 * 4 * (h * d + h * h + 2 * h)
    second = 2 * 4 * (h * 2 * h + h * h + 2 * h)
    return first + second


def c_bilstm(p: dict) -> float:
    total = 0
    for layer in range(2):
        inp = p["d"] if layer == 0 else 2 * p["h"]  # layer 2 reads both directions' outputs
        for _direction in range(2):
            total += 4 * p["h"] * inp + 4 * p["h"] * p["h"] + 2 * 4 * p["h"]
    return total


def g_bptt(rng: random.Random) -> dict:
    return {"T": rng.choice([100, 500, 1000]), "b": rng.choice([16, 32, 64]), "h": rng.choice([256, 512, 1024])}


def a_bptt(p: dict) -> float:
    return p["T"] * p["b"] * p["h"] * 4 / 2**20


def c_bptt(p: dict) -> float:
    per_step_kib = p["b"] * p["h"] * 4 / 1024
    return per_step_kib * p["T"] / 1024


def g_rnnmacs(rng: random.Random) -> dict:
    return {"d": rng.choice([10, 32, 64, 128, 300]), "h": rng.choice([20, 64, 128, 256, 512]),
            "T": rng.choice([1, 10, 50, 100])}


def a_rnnmacs(p: dict) -> float:
    return p["T"] * p["h"] * (p["d"] + p["h"])


def c_rnnmacs(p: dict) -> float:
    total = 0
    for _ in range(p["T"]):
        total += p["h"] * p["d"]  # W_ih x_t
        total += p["h"] * p["h"]  # W_hh h_(t-1)
    return total


def g_lstmstep(rng: random.Random) -> dict:
    return {"f": rng.choice([0.1, 0.5, 0.9, 1.0]), "i": rng.choice([0.0, 0.2, 0.5, 0.8]),
            "o": rng.choice([0.3, 0.6, 1.0]), "g": rng.choice([-0.8, -0.3, 0.0, 0.5, 0.9]),
            "c": rng.choice([-1.5, -0.5, 0.0, 1.0, 2.0])}


def a_lstmstep(p: dict) -> float:
    c = p["f"] * p["c"] + p["i"] * p["g"]
    return p["o"] * math.tanh(c)


def c_lstmstep(p: dict) -> float:
    c = p["i"] * p["g"] + p["f"] * p["c"]
    return p["o"] * (1 - 2 / (math.exp(2 * c) + 1))


def g_forget(rng: random.Random) -> dict:
    return {"f": rng.choice([0.5, 0.8, 0.9, 0.95, 0.99]), "T": rng.choice([5, 10, 20, 50, 100])}


def a_forget(p: dict) -> float:
    return p["f"] ** p["T"]


def c_forget(p: dict) -> float:
    grad = 1.0
    for _ in range(p["T"]):
        grad *= p["f"]
    return grad
