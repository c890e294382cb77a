"""Computed cards of the normalisation deck."""

import math
import random
import statistics


def g_ln(rng: random.Random) -> dict:
    return {"a": rng.choice([1, 2, 4, 6, -2]), "b": rng.choice([3, 0, 5, -1]), "c": rng.choice([5, 2, 8, 3])}


def a_ln(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"]]
    mu = sum(xs) / 3
    var = sum((x - mu) ** 2 for x in xs) / 3
    return (xs[0] - mu) / math.sqrt(var + 1e-5)


def c_ln(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"]]
    return (xs[0] - statistics.fmean(xs)) / math.sqrt(statistics.pvariance(xs) + 1e-5)


def g_rms(rng: random.Random) -> dict:
    return {"a": rng.choice([1, 2, 3, -4]), "b": rng.choice([2, -2, 4, 0]), "c": rng.choice([2, 1, -3, 6])}


def a_rms(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"]]
    return xs[0] / math.sqrt(sum(x * x for x in xs) / 3 + 1e-6)


def c_rms(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"]]
    return xs[0] / math.sqrt(statistics.fmean([x * x for x in xs]) + 1e-6)


def g_bnp(rng: random.Random) -> dict:
    return {"c": rng.choice([32, 64, 128, 256, 512])}


def a_bnp(p: dict) -> float:
    return 2 * p["c"]


def c_bnp(p: dict) -> float:
    gamma, beta = p["c"], p["c"]
    return gamma + beta


def g_bn_infer(rng: random.Random) -> dict:
    return {"x": rng.choice([1.0, 2.5, -1.0, 4.0]), "mu": rng.choice([0.5, 1.0, -0.5]), "var": rng.choice([0.25, 1.0, 4.0]),
            "gamma": rng.choice([1.0, 2.0, 0.5]), "beta": rng.choice([0.0, 0.1, -1.0])}


def a_bn_infer(p: dict) -> float:
    return p["gamma"] * (p["x"] - p["mu"]) / math.sqrt(p["var"] + 1e-5) + p["beta"]


def c_bn_infer(p: dict) -> float:
    scale = p["gamma"] / math.sqrt(p["var"] + 1e-5)  # folded into a single affine map, as when fusing into a conv
    shift = p["beta"] - p["mu"] * scale
    return scale * p["x"] + shift


def g_running(rng: random.Random) -> dict:
    return {"old": rng.choice([0.0, 1.0, 2.0, -0.5]), "batch": rng.choice([0.4, 3.0, 1.5, -1.0]), "k": rng.randint(1, 3)}


def a_running(p: dict) -> float:
    m = 0.1
    return (1 - m) ** p["k"] * p["old"] + (1 - (1 - m) ** p["k"]) * p["batch"]


def c_running(p: dict) -> float:
    r = p["old"]
    for _ in range(p["k"]):
        r = 0.9 * r + 0.1 * p["batch"]
    return r


def g_ln_count(rng: random.Random) -> dict:
    return {"L": rng.choice([12, 24, 32, 48]), "d": rng.choice([768, 1024, 4096])}


def a_ln_count(p: dict) -> float:
    return (2 * p["L"] + 1) * 2 * p["d"]


def c_ln_count(p: dict) -> float:
    per_layer = 2 * (p["d"] + p["d"])  # two LayerNorms, each with a gain and a bias of size d
    final = 2 * p["d"]
    return p["L"] * per_layer + final


def g_gn(rng: random.Random) -> dict:
    g = rng.choice([8, 16, 32])
    return {"c": g * rng.choice([2, 4, 8]), "g": g, "h": rng.choice([14, 28, 56])}


def a_gn(p: dict) -> float:
    return p["c"] // p["g"] * p["h"] * p["h"]


def c_gn(p: dict) -> float:
    channels = [ch for ch in range(p["c"]) if ch // (p["c"] // p["g"]) == 0]  # the channels of group 0
    return len(channels) * p["h"] ** 2


def g_bntrain(rng: random.Random) -> dict:
    vals = rng.sample([-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 8], 4)
    return {"a": vals[0], "b": vals[1], "c": vals[2], "d": vals[3]}


def a_bntrain(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"], p["d"]]
    mu = sum(xs) / 4
    var = sum((x - mu) ** 2 for x in xs) / 4
    return (xs[0] - mu) / math.sqrt(var + 1e-5)


def c_bntrain(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"], p["d"]]
    return (xs[0] - statistics.fmean(xs)) / math.sqrt(statistics.pvariance(xs) + 1e-5)


def g_runvar(rng: random.Random) -> dict:
    vals = rng.sample([-2, -1, 0, 1, 2, 3, 4, 5, 7], 4)
    return {"old": rng.choice([0.5, 1.0, 2.0, 4.0]), "a": vals[0], "b": vals[1], "c": vals[2], "d": vals[3]}


def a_runvar(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"], p["d"]]
    mu = sum(xs) / 4
    unbiased = sum((x - mu) ** 2 for x in xs) / 3
    return 0.9 * p["old"] + 0.1 * unbiased


def c_runvar(p: dict) -> float:
    xs = [p["a"], p["b"], p["c"], p["d"]]
    return p["old"] + 0.1 * (statistics.variance(xs) - p["old"])


def g_bnfold(rng: random.Random) -> dict:
    return {"b": rng.choice([-1.0, 0.0, 0.5, 1.0, 2.0]), "mu": rng.choice([-0.5, 0.0, 0.5, 1.5]),
            "var": rng.choice([0.25, 1.0, 2.25, 4.0]), "gamma": rng.choice([0.5, 1.0, 2.0]),
            "beta": rng.choice([-0.2, 0.0, 0.1, 0.3])}


def a_bnfold(p: dict) -> float:
    return p["gamma"] * (p["b"] - p["mu"]) / math.sqrt(p["var"]) + p["beta"]


def c_bnfold(p: dict) -> float:
    w, x = 0.7, 3.0  # any conv weight and input: b' = BN(w x + b) - w' x

    def bn(z: float) -> float:
        return p["gamma"] * (z - p["mu"]) / math.sqrt(p["var"]) + p["beta"]

    w_folded = w * p["gamma"] / math.sqrt(p["var"])
    return bn(w * x + p["b"]) - w_folded * x


def g_bncount(rng: random.Random) -> dict:
    side = rng.choice([7, 14, 28, 56])
    return {"n": rng.choice([8, 16, 32, 64, 256]), "c": rng.choice([64, 128, 256, 512]), "h": side,
            "w": rng.choice([side, side * 2])}


def a_bncount(p: dict) -> float:
    return p["n"] * p["h"] * p["w"]


def c_bncount(p: dict) -> float:
    per_example = sum(p["w"] for _ in range(p["h"]))
    return sum(per_example for _ in range(p["n"]))
