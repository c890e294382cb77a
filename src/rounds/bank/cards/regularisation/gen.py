"""Computed cards of the regularisation deck."""

import math
import random


def g_dropout(rng: random.Random) -> dict:
    return {"p": rng.choice([0.1, 0.2, 0.25, 0.5]), "a": rng.choice([1.0, 2.0, 3.0, 0.6])}


def a_dropout(p: dict) -> float:
    return p["a"] / (1 - p["p"])


def c_dropout(p: dict) -> float:
    keep = 1 - p["p"]
    return p["a"] * (1 / keep)


def g_l2(rng: random.Random) -> dict:
    return {"lam": rng.choice([0.01, 0.001, 0.1]), "w": rng.choice([0.5, -2.0, 3.0, 1.5]), "g": rng.choice([0.2, -0.1, 0.0, 1.0])}


def a_l2(p: dict) -> float:
    return p["g"] + 2 * p["lam"] * p["w"]


def c_l2(p: dict) -> float:
    h = 1e-6
    pen = lambda w: p["lam"] * w * w  # noqa: E731
    return p["g"] + (pen(p["w"] + h) - pen(p["w"] - h)) / (2 * h)


def g_decay(rng: random.Random) -> dict:
    return {"w": rng.choice([1.0, 2.0, -3.0]), "lr": rng.choice([0.1, 0.01, 0.001]), "wd": rng.choice([0.1, 0.01, 1.0]), "k": rng.choice([10, 100, 1000])}


def a_decay(p: dict) -> float:
    return p["w"] * (1 - p["lr"] * p["wd"]) ** p["k"]


def c_decay(p: dict) -> float:
    w = p["w"]
    for _ in range(p["k"]):
        w -= p["lr"] * p["wd"] * w
    return w


def g_soft(rng: random.Random) -> dict:
    return {"w": rng.choice([0.05, -0.02, 0.3, -0.5, 1.0]), "lr": rng.choice([0.1, 0.5, 1.0]), "lam": rng.choice([0.01, 0.1, 0.2])}


def a_soft(p: dict) -> float:
    t = p["lr"] * p["lam"]
    w = p["w"]
    return (1 if w > 0 else -1) * max(abs(w) - t, 0.0)


def c_soft(p: dict) -> float:
    t = p["lr"] * p["lam"]
    w = p["w"]
    if w > t:
        return w - t
    if w < -t:
        return w + t
    return 0.0


def g_mix(rng: random.Random) -> dict:
    return {"lam": rng.choice([0.1, 0.3, 0.5, 0.7, 0.9]), "pa": rng.choice([0.6, 0.5, 0.2]), "pb": rng.choice([0.05, 0.2, 0.3])}  # pa + pb <= 1


def a_mix(p: dict) -> float:
    # mixed target: lam on class A, 1 - lam on class B; loss = -lam ln p_A - (1 - lam) ln p_B
    return -p["lam"] * math.log(p["pa"]) - (1 - p["lam"]) * math.log(p["pb"])


def c_mix(p: dict) -> float:
    ce_a = -math.log(p["pa"])
    ce_b = -math.log(p["pb"])
    return ce_a + (1 - p["lam"]) * (ce_b - ce_a)


def g_dropvar(rng: random.Random) -> dict:
    return {"p": rng.choice([0.1, 0.2, 0.25, 0.5, 0.75]), "a": rng.choice([0.5, 1.0, 2.0, 3.0])}


def a_dropvar(p: dict) -> float:
    return p["a"] ** 2 * p["p"] / (1 - p["p"])


def c_dropvar(p: dict) -> float:
    outcomes = [(1 - p["p"], p["a"] / (1 - p["p"])), (p["p"], 0.0)]
    mean = sum(w * v for w, v in outcomes)
    return sum(w * (v - mean) ** 2 for w, v in outcomes)


def g_ridge(rng: random.Random) -> dict:
    xs = rng.sample([-2, -1, 1, 2, 3, 4], 3)
    return {"x1": xs[0], "y1": rng.randint(-3, 6), "x2": xs[1], "y2": rng.randint(-3, 6), "x3": xs[2],
            "y3": rng.randint(-3, 6), "lam": rng.choice([0, 0.5, 1, 2, 5, 14])}


def a_ridge(p: dict) -> float:
    pts = [(p["x1"], p["y1"]), (p["x2"], p["y2"]), (p["x3"], p["y3"])]
    return sum(x * y for x, y in pts) / (sum(x * x for x, _ in pts) + p["lam"])


def c_ridge(p: dict) -> float:
    pts = [(p["x1"], p["y1"]), (p["x2"], p["y2"]), (p["x3"], p["y3"])]

    def slope(w: float) -> float:  # derivative of the penalised loss, increasing in w
        return sum(-2 * x * (y - w * x) for x, y in pts) + 2 * p["lam"] * w

    lo, hi = -100.0, 100.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if slope(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def g_ensvar(rng: random.Random) -> dict:
    return {"m": rng.choice([2, 4, 5, 10, 50]), "s2": rng.choice([0.5, 1.0, 2.0, 4.0]),
            "rho": rng.choice([0.0, 0.1, 0.3, 0.5, 0.8])}


def a_ensvar(p: dict) -> float:
    return p["rho"] * p["s2"] + (1 - p["rho"]) * p["s2"] / p["m"]


def c_ensvar(p: dict) -> float:
    m = p["m"]
    total = sum(p["s2"] if i == j else p["rho"] * p["s2"] for i in range(m) for j in range(m))
    return total / m ** 2
