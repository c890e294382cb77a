"""Computed cards of the losses deck."""

import math
import random


def g_ce(rng: random.Random) -> dict:
    return {"z1": rng.randint(-2, 4), "z2": rng.randint(-2, 4), "z3": rng.randint(-2, 4), "y": rng.randint(1, 3)}


def a_ce(p: dict) -> float:
    zs = [p["z1"], p["z2"], p["z3"]]
    m = max(zs)
    lse = m + math.log(sum(math.exp(z - m) for z in zs))
    return lse - zs[p["y"] - 1]


def c_ce(p: dict) -> float:
    zs = [p["z1"], p["z2"], p["z3"]]
    probs = [math.exp(z) / sum(math.exp(t) for t in zs) for z in zs]
    return -math.log(probs[p["y"] - 1])


def g_bce(rng: random.Random) -> dict:
    return {"p": rng.choice([0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99]), "y": rng.randint(0, 1)}


def a_bce(p: dict) -> float:
    return -(p["y"] * math.log(p["p"]) + (1 - p["y"]) * math.log(1 - p["p"]))


def c_bce(p: dict) -> float:
    p_true = p["p"] if p["y"] == 1 else 1 - p["p"]
    return -math.log(p_true)


def g_focal(rng: random.Random) -> dict:
    return {"pt": rng.choice([0.1, 0.3, 0.5, 0.8, 0.9, 0.95]), "gamma": rng.choice([0, 1, 2, 5])}


def a_focal(p: dict) -> float:
    return -((1 - p["pt"]) ** p["gamma"]) * math.log(p["pt"])


def c_focal(p: dict) -> float:
    ce = math.log(1 / p["pt"])
    weight = math.exp(p["gamma"] * math.log(1 - p["pt"])) if p["gamma"] else 1.0
    return weight * ce


def g_infonce(rng: random.Random) -> dict:
    return {"pos": rng.choice([0.9, 0.8, 0.6, 0.5]), "n1": rng.choice([0.1, 0.3, 0.5, -0.2]), "n2": rng.choice([0.0, 0.2, 0.4, 0.7]),
            "tau": rng.choice([0.05, 0.1, 0.5, 1.0])}


def a_infonce(p: dict) -> float:
    s = [p["pos"] / p["tau"], p["n1"] / p["tau"], p["n2"] / p["tau"]]
    m = max(s)
    return m + math.log(sum(math.exp(x - m) for x in s)) - s[0]


def c_infonce(p: dict) -> float:
    return math.log(1 + math.exp((p["n1"] - p["pos"]) / p["tau"]) + math.exp((p["n2"] - p["pos"]) / p["tau"]))


def g_init_loss(rng: random.Random) -> dict:
    return {"c": rng.choice([2, 10, 100, 1000, 32000, 50257])}


def a_init_loss(p: dict) -> float:
    return math.log(p["c"])


def c_init_loss(p: dict) -> float:
    return -math.log(1 / p["c"])


def g_hinge_pair(rng: random.Random) -> dict:
    return {"sp": rng.choice([2.0, 1.5, 0.4, -0.3]), "sn": rng.choice([1.0, 0.2, 0.9, 1.8]), "margin": rng.choice([1.0, 0.5])}


def a_hinge_pair(p: dict) -> float:
    return max(0.0, p["margin"] - (p["sp"] - p["sn"]))


def c_hinge_pair(p: dict) -> float:
    gap = p["sp"] - p["sn"]
    return p["margin"] - gap if gap < p["margin"] else 0.0


def g_ranknet(rng: random.Random) -> dict:
    return {"si": rng.choice([2.0, 1.0, 0.5, -0.5]), "sj": rng.choice([1.0, 0.0, 1.5, 2.5])}


def a_ranknet(p: dict) -> float:
    return math.log(1 + math.exp(-(p["si"] - p["sj"])))


def c_ranknet(p: dict) -> float:
    prob = 1 / (1 + math.exp(-(p["si"] - p["sj"])))
    return -math.log(prob)


def g_huber(rng: random.Random) -> dict:
    return {"r": rng.choice([0.3, -0.5, 1.5, -2.0, 4.0]), "delta": rng.choice([1.0, 0.5, 2.0])}


def a_huber(p: dict) -> float:
    r, d = abs(p["r"]), p["delta"]
    return 0.5 * r * r if r <= d else d * (r - 0.5 * d)


def c_huber(p: dict) -> float:
    r, d = abs(p["r"]), p["delta"]
    quad = min(r, d)
    lin = r - quad
    return 0.5 * quad ** 2 + d * lin


def g_downs(rng: random.Random) -> dict:
    return {"p": rng.choice([0.1, 0.2, 0.3, 0.5]), "w": rng.choice([0.01, 0.05, 0.1, 0.25])}


def a_downs(p: dict) -> float:
    return p["p"] / (p["p"] + (1 - p["p"]) / p["w"])


def c_downs(p: dict) -> float:
    odds = p["p"] / (1 - p["p"]) * p["w"]
    return odds / (1 + odds)


def g_triplet(rng: random.Random) -> dict:
    return {"dp": rng.choice([0.2, 0.5, 0.9, 1.2]), "dn": rng.choice([0.4, 0.8, 1.5, 2.0]), "m": rng.choice([0.2, 0.5, 1.0])}


def a_triplet(p: dict) -> float:
    return max(0.0, p["dp"] - p["dn"] + p["m"])


def c_triplet(p: dict) -> float:
    return p["dp"] - p["dn"] + p["m"] if p["dn"] < p["dp"] + p["m"] else 0.0


def g_ls(rng: random.Random) -> dict:
    return {"z1": rng.randint(-1, 3), "z2": rng.randint(-1, 3), "z3": rng.randint(-1, 3), "eps": rng.choice([0.1, 0.2])}


def a_ls(p: dict) -> float:
    zs = [p["z1"], p["z2"], p["z3"]]
    m = max(zs)
    lse = m + math.log(sum(math.exp(z - m) for z in zs))
    logp = [z - lse for z in zs]
    return -(1 - p["eps"]) * logp[0] - p["eps"] / 3 * sum(logp)


def c_ls(p: dict) -> float:
    zs = [p["z1"], p["z2"], p["z3"]]
    probs = [math.exp(z) / sum(math.exp(t) for t in zs) for z in zs]
    target = [p["eps"] / 3 + (1 - p["eps"] if i == 0 else 0) for i in range(3)]
    return -sum(t * math.log(q) for t, q in zip(target, probs, strict=True))


def g_cw(rng: random.Random) -> dict:
    return {"n1": rng.choice([900, 800, 950]), "n2": rng.choice([80, 150, 40]), "n3": rng.choice([20, 50, 10]), "c": rng.randint(1, 3)}


def a_cw(p: dict) -> float:
    n = p["n1"] + p["n2"] + p["n3"]
    return n / (3 * p[f"n{p['c']}"])


def c_cw(p: dict) -> float:
    counts = [p["n1"], p["n2"], p["n3"]]
    freq = counts[p["c"] - 1] / sum(counts)
    return (1 / 3) / freq  # uniform share over the class's actual share


def g_bce_grad(rng: random.Random) -> dict:
    return {"z": rng.choice([-2.0, -0.5, 0.0, 1.0, 3.0]), "y": rng.randint(0, 1)}


def a_bce_grad(p: dict) -> float:
    return 1 / (1 + math.exp(-p["z"])) - p["y"]


def c_bce_grad(p: dict) -> float:
    h = 1e-6
    def loss(z: float) -> float:
        return math.log(1 + math.exp(z)) - p["y"] * z  # BCE with logits
    return (loss(p["z"] + h) - loss(p["z"] - h)) / (2 * h)


def g_listnet(rng: random.Random) -> dict:
    return {"r1": rng.choice([0, 1, 2, 3]), "r2": rng.choice([0, 1, 2]), "r3": rng.choice([0, 1]),
            "s1": rng.choice([-1.0, 0.0, 0.5, 1.0, 2.0]), "s2": rng.choice([-1.0, 0.0, 1.0]), "s3": rng.choice([0.0, 0.5, 1.5])}


def _softmax3(zs: list) -> list:
    m = max(zs)
    e = [math.exp(z - m) for z in zs]
    return [x / sum(e) for x in e]


def a_listnet(p: dict) -> float:
    py = _softmax3([p["r1"], p["r2"], p["r3"]])
    ps = _softmax3([p["s1"], p["s2"], p["s3"]])
    return -sum(a * math.log(b) for a, b in zip(py, ps, strict=True))


def c_listnet(p: dict) -> float:
    rs = [p["r1"], p["r2"], p["r3"]]
    ss = [p["s1"], p["s2"], p["s3"]]
    zr = sum(math.exp(r) for r in rs)
    lse = math.log(sum(math.exp(s) for s in ss))
    return sum(math.exp(r) / zr * (lse - s) for r, s in zip(rs, ss, strict=True))


def g_quant(rng: random.Random) -> dict:
    return {"tau": rng.choice([0.1, 0.25, 0.5, 0.75, 0.9, 0.95]), "y": rng.randint(0, 20), "yhat": rng.randint(0, 20)}


def a_quant(p: dict) -> float:
    r = p["y"] - p["yhat"]
    return p["tau"] * r if r >= 0 else (p["tau"] - 1) * r


def c_quant(p: dict) -> float:
    r = p["y"] - p["yhat"]
    return max(p["tau"] * r, (p["tau"] - 1) * r)


def g_cpair(rng: random.Random) -> dict:
    return {"y": rng.choice([0, 1]), "d": rng.choice([0.1, 0.3, 0.5, 0.8, 1.2, 2.0]), "m": rng.choice([0.5, 1.0, 1.5, 2.0])}


def a_cpair(p: dict) -> float:
    d, m = p["d"], p["m"]
    return d * d if p["y"] == 1 else max(0.0, m - d) ** 2


def c_cpair(p: dict) -> float:
    d, m, y = p["d"], p["m"], p["y"]
    push = (m - d) ** 2 if d < m else 0.0
    return y * d ** 2 + (1 - y) * push


def g_hinge(rng: random.Random) -> dict:
    out = {}
    for i in (1, 2, 3):
        out[f"y{i}"] = rng.choice([-1, 1])
        out[f"f{i}"] = rng.choice([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0])
    return out


def a_hinge(p: dict) -> float:
    return sum(max(0.0, 1 - p[f"y{i}"] * p[f"f{i}"]) for i in (1, 2, 3)) / 3


def c_hinge(p: dict) -> float:
    total = 0.0
    for i in (1, 2, 3):
        margin = p[f"y{i}"] * p[f"f{i}"]
        if margin < 1:
            total += 1 - margin
    return total / 3
