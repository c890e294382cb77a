"""Computed cards of the optimisation deck."""

import math
import random


def g_momentum(rng: random.Random) -> dict:
    return {"w": rng.choice([1.0, 0.5, -0.4, 2.0]), "v": rng.choice([0.0, 0.2, -0.1, 0.5]), "g": rng.choice([0.3, -0.6, 1.0, 0.8]),
            "lr": rng.choice([0.1, 0.01, 0.5]), "mu": rng.choice([0.9, 0.99, 0.5])}


def a_momentum(p: dict) -> float:
    v = p["mu"] * p["v"] + p["g"]
    return p["w"] - p["lr"] * v


def c_momentum(p: dict) -> float:
    return p["w"] - p["lr"] * p["g"] - p["lr"] * p["mu"] * p["v"]


def g_adam(rng: random.Random) -> dict:
    return {"w": rng.choice([1.0, -0.5, 0.25, 3.0]), "g": rng.choice([0.002, -0.5, 40.0, -3.0, 0.1]), "lr": rng.choice([1e-3, 3e-4, 0.01, 0.1])}


def a_adam(p: dict) -> float:
    g = p["g"]
    return p["w"] - p["lr"] * g / (abs(g) + 1e-8)


def c_adam(p: dict) -> float:
    b1, b2, eps, g = 0.9, 0.999, 1e-8, p["g"]
    m = (1 - b1) * g
    v = (1 - b2) * g * g
    m_hat, v_hat = m / (1 - b1), v / (1 - b2)
    return p["w"] - p["lr"] * m_hat / (math.sqrt(v_hat) + eps)


def g_adamw(rng: random.Random) -> dict:
    return {"w": rng.choice([2.0, -1.0, 0.5, 4.0]), "g": rng.choice([0.3, -0.2, 5.0, -1.5]), "lr": rng.choice([0.01, 0.1, 0.001]), "wd": rng.choice([0.01, 0.1, 0.05])}


def a_adamw(p: dict) -> float:
    return p["w"] * (1 - p["lr"] * p["wd"]) - p["lr"] * p["g"] / (abs(p["g"]) + 1e-8)


def c_adamw(p: dict) -> float:
    decayed = p["w"] - p["lr"] * p["wd"] * p["w"]
    sign = 1.0 if p["g"] > 0 else -1.0
    return decayed - p["lr"] * sign


def g_sched(rng: random.Random) -> dict:
    warm = rng.choice([100, 500, 1000, 2000])
    total = warm + rng.choice([1000, 4000, 9000, 18000])
    return {"peak": rng.choice([3e-4, 1e-3, 6e-4]), "floor": rng.choice([0.0, 3e-5, 1e-5]), "warm": warm, "total": total,
            "t": rng.randint(1, total)}


def a_sched(p: dict) -> float:
    t, w, T = p["t"], p["warm"], p["total"]
    if t < w:
        return p["peak"] * t / w
    frac = (t - w) / (T - w)
    return p["floor"] + 0.5 * (p["peak"] - p["floor"]) * (1 + math.cos(math.pi * frac))


def c_sched(p: dict) -> float:
    t, w, T = p["t"], p["warm"], p["total"]
    if t < w:
        return p["peak"] * (t / w)
    frac = (t - w) / (T - w)
    return p["peak"] - (p["peak"] - p["floor"]) * math.sin(math.pi * frac / 2) ** 2


def g_scale(rng: random.Random) -> dict:
    b = rng.choice([256, 512, 1024])
    return {"lr": rng.choice([0.1, 0.2, 0.05]), "b": b, "b2": b * rng.choice([2, 4, 8, 16])}


def a_scale(p: dict) -> float:
    return p["lr"] * p["b2"] / p["b"]


def c_scale(p: dict) -> float:
    return p["lr"] * (p["b2"] // p["b"])


def g_quad(rng: random.Random) -> dict:
    return {"a": rng.choice([1, 2, 4, 5, 10]), "lr": rng.choice([0.05, 0.1, 0.15, 0.3, 0.45]), "x0": rng.choice([1.0, 2.0, -3.0]), "k": rng.randint(1, 5)}


def a_quad(p: dict) -> float:
    return p["x0"] * (1 - p["lr"] * p["a"]) ** p["k"]


def c_quad(p: dict) -> float:
    x = p["x0"]
    for _ in range(p["k"]):
        x -= p["lr"] * p["a"] * x  # gradient of a/2 x^2 is a x
    return x


def g_unbiased(rng: random.Random) -> dict:
    return {"g": rng.choice([1.0, 2.0, -0.5]), "t": rng.randint(1, 10), "b1": rng.choice([0.9, 0.8, 0.99])}


def a_unbiased(p: dict) -> float:
    return (1 - p["b1"] ** p["t"]) * p["g"]


def c_unbiased(p: dict) -> float:
    m = 0.0
    for _ in range(p["t"]):
        m = p["b1"] * m + (1 - p["b1"]) * p["g"]
    return m


def g_rms(rng: random.Random) -> dict:
    return {"w": rng.choice([1.0, -0.5, 2.0]), "v": rng.choice([0.0, 0.01, 0.25, 1.0]), "g": rng.choice([0.5, -1.0, 2.0, 0.1]),
            "rho": rng.choice([0.9, 0.99]), "lr": rng.choice([0.01, 0.001])}


def a_rms(p: dict) -> float:
    v = p["rho"] * p["v"] + (1 - p["rho"]) * p["g"] ** 2
    return p["w"] - p["lr"] * p["g"] / (math.sqrt(v) + 1e-8)


def c_rms(p: dict) -> float:
    mean_sq = p["v"] + (1 - p["rho"]) * (p["g"] * p["g"] - p["v"])  # the same EMA written as a correction
    return p["w"] - p["lr"] * p["g"] / (mean_sq ** 0.5 + 1e-8)


def g_maxlr(rng: random.Random) -> dict:
    a, b = rng.sample([0.5, 1, 2, 4, 10, 20, 100], 2)
    return {"a": a, "b": b}


def a_maxlr(p: dict) -> float:
    return 2 / max(p["a"], p["b"])


def c_maxlr(p: dict) -> float:
    def contracts(lr: float) -> bool:
        return all(abs(1 - lr * lam) < 1 for lam in (p["a"], p["b"]))

    lo, hi = 0.0, 10.0  # bisection on the largest contracting learning rate
    for _ in range(80):
        mid = (lo + hi) / 2
        if contracts(mid):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def g_steplr(rng: random.Random) -> dict:
    return {"lr0": rng.choice([0.1, 0.05, 0.01, 0.001]), "gamma": rng.choice([0.1, 0.5, 0.2]),
            "step": rng.choice([10, 20, 30]), "epoch": rng.randint(0, 95)}


def a_steplr(p: dict) -> float:
    return p["lr0"] * p["gamma"] ** (p["epoch"] // p["step"])


def c_steplr(p: dict) -> float:
    lr = p["lr0"]
    for e in range(1, p["epoch"] + 1):  # the scheduler steps at the end of each epoch
        if e % p["step"] == 0:
            lr *= p["gamma"]
    return lr


def g_adagrad(rng: random.Random) -> dict:
    return {"w": rng.choice([-1.0, 0.0, 0.5, 1.0]), "G": rng.choice([0.0, 1.0, 5.0, 12.0]),
            "g": rng.choice([-2.0, -0.5, 0.5, 2.0, 3.0]), "lr": rng.choice([0.01, 0.1, 0.5])}


def a_adagrad(p: dict) -> float:
    G = p["G"] + p["g"] ** 2
    return p["w"] - p["lr"] * p["g"] / (math.sqrt(G) + 1e-10)


def c_adagrad(p: dict) -> float:
    norm = math.hypot(math.sqrt(p["G"]), p["g"])  # sqrt(G + g^2)
    return p["w"] - p["lr"] * p["g"] / norm


def g_emaw(rng: random.Random) -> dict:
    return {"beta": rng.choice([0.5, 0.8, 0.9, 0.95, 0.99]), "k": rng.choice([0, 1, 2, 5, 10, 20])}


def a_emaw(p: dict) -> float:
    return (1 - p["beta"]) * p["beta"] ** p["k"]


def c_emaw(p: dict) -> float:
    m = 0.0
    steps = p["k"] + 5
    for t in range(steps):  # an impulse gradient at step t = steps - 1 - k, zero elsewhere
        g = 1.0 if t == steps - 1 - p["k"] else 0.0
        m = p["beta"] * m + (1 - p["beta"]) * g
    return m
