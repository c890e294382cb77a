"""Computed cards of the CNN deck."""

import random


def g_out(rng: random.Random) -> dict:
    return {"h": rng.choice([28, 32, 56, 64, 224, 227]), "k": rng.choice([1, 3, 5, 7, 11]), "s": rng.choice([1, 2, 4]), "p": rng.choice([0, 1, 2, 3])}


def a_out(p: dict) -> float:
    return (p["h"] + 2 * p["p"] - p["k"]) // p["s"] + 1


def c_out(p: dict) -> float:
    # count the valid window starts on the padded input
    padded = p["h"] + 2 * p["p"]
    return len(range(0, padded - p["k"] + 1, p["s"]))


def g_params(rng: random.Random) -> dict:
    return {"cin": rng.choice([3, 16, 32, 64, 128, 256]), "cout": rng.choice([16, 32, 64, 128, 512]), "k": rng.choice([1, 3, 5, 7])}


def a_params(p: dict) -> float:
    return p["k"] * p["k"] * p["cin"] * p["cout"] + p["cout"]


def c_params(p: dict) -> float:
    per_filter = p["cin"] * p["k"] ** 2 + 1
    return per_filter * p["cout"]


def g_macs(rng: random.Random) -> dict:
    return {"hout": rng.choice([7, 14, 28, 56, 112]), "cin": rng.choice([3, 64, 128, 256]), "cout": rng.choice([64, 128, 256, 512]), "k": rng.choice([1, 3, 7])}


def a_macs(p: dict) -> float:
    return p["hout"] * p["hout"] * p["cout"] * p["cin"] * p["k"] * p["k"]


def c_macs(p: dict) -> float:
    outputs = p["hout"] ** 2 * p["cout"]
    return outputs * (p["k"] ** 2 * p["cin"])


def g_rf(rng: random.Random) -> dict:
    return {"n": rng.randint(1, 10), "k": rng.choice([3, 5, 7])}


def a_rf(p: dict) -> float:
    return 1 + p["n"] * (p["k"] - 1)


def c_rf(p: dict) -> float:
    rf, jump = 1, 1
    for _ in range(p["n"]):
        rf += (p["k"] - 1) * jump
    return rf


def g_dw(rng: random.Random) -> dict:
    return {"c": rng.choice([32, 64, 128, 256]), "cout": rng.choice([64, 128, 256]), "k": 3}


def a_dw(p: dict) -> float:
    return p["k"] * p["k"] * p["c"] + p["c"] * p["cout"]


def c_dw(p: dict) -> float:
    depthwise = p["c"] * (p["k"] * p["k"] * 1)  # one k x k filter per input channel
    pointwise = p["cout"] * (1 * 1 * p["c"])
    return depthwise + pointwise


def g_tconv(rng: random.Random) -> dict:
    return {"h": rng.choice([4, 7, 8, 14, 16]), "k": rng.choice([2, 3, 4, 5]), "s": rng.choice([1, 2]), "p": rng.choice([0, 1])}


def a_tconv(p: dict) -> float:
    return (p["h"] - 1) * p["s"] - 2 * p["p"] + p["k"]


def c_tconv(p: dict) -> float:
    # scatter each input position's k x k footprint onto a full output and crop p from each side
    touched = set()
    for i in range(p["h"]):
        for t in range(p["k"]):
            touched.add(i * p["s"] + t)
    full = max(touched) + 1
    return full - 2 * p["p"]
