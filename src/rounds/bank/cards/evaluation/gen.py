"""Computed cards of the evaluation deck."""

import math
import random


def g_f1(rng: random.Random) -> dict:
    return {"tp": rng.randint(5, 90), "fp": rng.randint(1, 40), "fn": rng.randint(1, 40)}


def a_f1(p: dict) -> float:
    return 2 * p["tp"] / (2 * p["tp"] + p["fp"] + p["fn"])


def c_f1(p: dict) -> float:
    prec = p["tp"] / (p["tp"] + p["fp"])
    rec = p["tp"] / (p["tp"] + p["fn"])
    return 2 * prec * rec / (prec + rec)


def g_auc(rng: random.Random) -> dict:
    pos = sorted(rng.sample(range(1, 20), 3), reverse=True)
    neg = sorted(rng.sample(range(1, 20), 3), reverse=True)
    return {"p1": pos[0] / 20, "p2": pos[1] / 20, "p3": pos[2] / 20, "n1": neg[0] / 20, "n2": neg[1] / 20, "n3": neg[2] / 20}


def a_auc(p: dict) -> float:
    pos = [p["p1"], p["p2"], p["p3"]]
    neg = [p["n1"], p["n2"], p["n3"]]
    wins = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def c_auc(p: dict) -> float:
    # Mann-Whitney: sum of the positives' (average) ranks among all scores
    scores = [(p[k], 1) for k in ("p1", "p2", "p3")] + [(p[k], 0) for k in ("n1", "n2", "n3")]
    values = sorted(s for s, _ in scores)
    def rank(v: float) -> float:
        first = values.index(v) + 1
        last = len(values) - values[::-1].index(v)
        return (first + last) / 2
    r_pos = sum(rank(s) for s, y in scores if y == 1)
    return (r_pos - 3 * 4 / 2) / 9


def g_ndcg(rng: random.Random) -> dict:
    rels = [rng.randint(0, 3) for _ in range(4)]
    if not any(rels):
        rels[rng.randrange(4)] = rng.randint(1, 3)
    return {"r1": rels[0], "r2": rels[1], "r3": rels[2], "r4": rels[3]}


def a_ndcg(p: dict) -> float:
    rels = [p["r1"], p["r2"], p["r3"], p["r4"]]
    def dcg(rs: list) -> float:
        return sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(rs))
    return dcg(rels) / dcg(sorted(rels, reverse=True))


def c_ndcg(p: dict) -> float:
    rels = [p["r1"], p["r2"], p["r3"], p["r4"]]
    discounts = [1.0, 1 / math.log2(3), 0.5, 1 / math.log2(5)]
    gain = lambda r: 2.0 ** r - 1  # noqa: E731
    ideal = sorted(rels)[::-1]
    return sum(gain(r) * d for r, d in zip(rels, discounts, strict=True)) / sum(gain(r) * d for r, d in zip(ideal, discounts, strict=True))


def g_n(rng: random.Random) -> dict:
    return {"p": rng.choice([0.02, 0.05, 0.1, 0.2]), "lift": rng.choice([0.05, 0.1, 0.2])}


def a_n(p: dict) -> float:
    za, zb = 1.959964, 0.841621
    delta = p["p"] * p["lift"]
    return 2 * (za + zb) ** 2 * p["p"] * (1 - p["p"]) / delta ** 2


def c_n(p: dict) -> float:
    from statistics import NormalDist
    nd = NormalDist()
    z = nd.inv_cdf(0.975) + nd.inv_cdf(0.8)
    var = p["p"] * (1 - p["p"])
    return 2 * var * (z / (p["p"] * p["lift"])) ** 2


def g_z(rng: random.Random) -> dict:
    n = rng.choice([10000, 20000, 50000])
    return {"n": n, "ca": rng.choice([500, 1000, 1500]), "d": rng.choice([20, 40, 60, 80])}


def a_z(p: dict) -> float:
    n, ca = p["n"], p["ca"]
    cb = ca + p["d"]
    pa, pb = ca / n, cb / n
    pool = (ca + cb) / (2 * n)
    return (pb - pa) / math.sqrt(pool * (1 - pool) * 2 / n)


def c_z(p: dict) -> float:
    n, ca = p["n"], p["ca"]
    cb = ca + p["d"]
    pool = (ca + cb) / (2 * n)
    se = math.sqrt(pool * (1 - pool) * (1 / n + 1 / n))
    return (cb - ca) / n / se


def g_mrr(rng: random.Random) -> dict:
    return {"a": rng.randint(1, 5), "b": rng.randint(1, 5), "c": rng.randint(1, 10)}


def a_mrr(p: dict) -> float:
    return (1 / p["a"] + 1 / p["b"] + 1 / p["c"]) / 3


def c_mrr(p: dict) -> float:
    from fractions import Fraction
    return float((Fraction(1, p["a"]) + Fraction(1, p["b"]) + Fraction(1, p["c"])) / 3)


def g_ece(rng: random.Random) -> dict:
    return {"n1": rng.choice([100, 200, 300]), "c1": rng.choice([0.2, 0.3]), "a1": rng.choice([0.1, 0.25, 0.3]),
            "n2": rng.choice([100, 300, 600]), "c2": rng.choice([0.8, 0.9]), "a2": rng.choice([0.7, 0.85, 0.95])}


def a_ece(p: dict) -> float:
    n = p["n1"] + p["n2"]
    return p["n1"] / n * abs(p["c1"] - p["a1"]) + p["n2"] / n * abs(p["c2"] - p["a2"])


def c_ece(p: dict) -> float:
    total_gap = p["n1"] * abs(p["a1"] - p["c1"]) + p["n2"] * abs(p["a2"] - p["c2"])
    return total_gap / (p["n1"] + p["n2"])


def g_ci(rng: random.Random) -> dict:
    return {"p": rng.choice([0.05, 0.1, 0.3, 0.5]), "n": rng.choice([100, 400, 1000, 10000])}


def a_ci(p: dict) -> float:
    return 1.959964 * math.sqrt(p["p"] * (1 - p["p"]) / p["n"])


def c_ci(p: dict) -> float:
    from statistics import NormalDist
    se = math.sqrt(p["p"] * (1 - p["p"])) / math.sqrt(p["n"])
    return NormalDist().inv_cdf(0.975) * se


def g_ips(rng: random.Random) -> dict:
    return {"r1": rng.randint(0, 1), "r2": rng.randint(0, 1), "r3": rng.randint(0, 1),
            "o1": rng.choice([0.5, 0.25, 0.8]), "o2": rng.choice([0.5, 0.2, 0.6]), "o3": rng.choice([0.1, 0.4, 0.5]),
            "n1": rng.choice([0.5, 0.75, 0.2]), "n2": rng.choice([0.1, 0.4, 0.9]), "n3": rng.choice([0.3, 0.8, 1.0])}


def a_ips(p: dict) -> float:
    return sum(p[f"r{i}"] * p[f"n{i}"] / p[f"o{i}"] for i in (1, 2, 3)) / 3


def c_ips(p: dict) -> float:
    weights = [p["n1"] / p["o1"], p["n2"] / p["o2"], p["n3"] / p["o3"]]
    rewards = [p["r1"], p["r2"], p["r3"]]
    return sum(w * r for w, r in zip(weights, rewards, strict=True)) / len(rewards)


def g_mde(rng: random.Random) -> dict:
    return {"p": rng.choice([0.02, 0.05, 0.1, 0.3]), "n": rng.choice([10000, 50000, 100000, 1000000])}


def a_mde(p: dict) -> float:
    return (1.959964 + 0.841621) * math.sqrt(2 * p["p"] * (1 - p["p"]) / p["n"])


def c_mde(p: dict) -> float:
    # invert the per-arm sample-size formula n = 2 (za + zb)^2 p(1-p) / delta^2 by bisection
    lo, hi = 1e-9, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        need = 2 * (1.959964 + 0.841621) ** 2 * p["p"] * (1 - p["p"]) / mid ** 2
        if need > p["n"]:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def g_ap(rng: random.Random) -> dict:
    rels = [rng.randint(0, 1) for _ in range(5)]
    if not any(rels):
        rels[rng.randrange(5)] = 1
    return {f"r{i + 1}": r for i, r in enumerate(rels)}


def a_ap(p: dict) -> float:
    rels = [p[f"r{i}"] for i in range(1, 6)]
    hits, total = 0, 0.0
    for k, r in enumerate(rels, start=1):
        if r:
            hits += 1
            total += hits / k
    return total / sum(rels)


def c_ap(p: dict) -> float:
    rels = [p[f"r{i}"] for i in range(1, 6)]
    positions = [k for k, r in enumerate(rels, start=1) if r]
    return sum((j + 1) / pos for j, pos in enumerate(positions)) / len(positions)


def g_kappa(rng: random.Random) -> dict:
    return {"yy": rng.randint(10, 50), "yn": rng.randint(0, 15), "ny": rng.randint(0, 15), "nn": rng.randint(10, 50)}


def a_kappa(p: dict) -> float:
    n = p["yy"] + p["yn"] + p["ny"] + p["nn"]
    po = (p["yy"] + p["nn"]) / n
    pe = ((p["yy"] + p["yn"]) * (p["yy"] + p["ny"]) + (p["ny"] + p["nn"]) * (p["yn"] + p["nn"])) / n ** 2
    return (po - pe) / (1 - pe)


def c_kappa(p: dict) -> float:
    # 2 x 2 closed form: 2 (ad - bc) / ((a + b)(b + d) + (a + c)(c + d))
    a, b, c, d = p["yy"], p["yn"], p["ny"], p["nn"]
    return 2 * (a * d - b * c) / ((a + b) * (b + d) + (a + c) * (c + d))


def g_logloss(rng: random.Random) -> dict:
    return {"p1": rng.choice([0.9, 0.7, 0.6]), "y1": rng.randint(0, 1), "p2": rng.choice([0.2, 0.4, 0.1]), "y2": rng.randint(0, 1),
            "p3": rng.choice([0.8, 0.5, 0.95]), "y3": rng.randint(0, 1)}


def a_logloss(p: dict) -> float:
    total = 0.0
    for i in (1, 2, 3):
        q, y = p[f"p{i}"], p[f"y{i}"]
        total -= y * math.log(q) + (1 - y) * math.log(1 - q)
    return total / 3


def c_logloss(p: dict) -> float:
    probs_of_truth = [p[f"p{i}"] if p[f"y{i}"] == 1 else 1 - p[f"p{i}"] for i in (1, 2, 3)]
    return -math.log(math.prod(probs_of_truth)) / 3


def g_brier(rng: random.Random) -> dict:
    out = {}
    for i in (1, 2, 3):
        out[f"p{i}"] = rng.choice([0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0])
        out[f"y{i}"] = rng.choice([0, 1])
    return out


def a_brier(p: dict) -> float:
    return sum((p[f"p{i}"] - p[f"y{i}"]) ** 2 for i in (1, 2, 3)) / 3


def c_brier(p: dict) -> float:
    ps = [p[f"p{i}"] for i in (1, 2, 3)]
    ys = [p[f"y{i}"] for i in (1, 2, 3)]
    # (p - y)^2 = p^2 - 2 p y + y for 0/1 labels
    return (sum(x * x for x in ps) - 2 * sum(x * y for x, y in zip(ps, ys, strict=True)) + sum(ys)) / 3


def g_fwer(rng: random.Random) -> dict:
    return {"m": rng.choice([2, 5, 10, 20, 50]), "alpha": rng.choice([0.01, 0.05, 0.1])}


def a_fwer(p: dict) -> float:
    return 1 - (1 - p["alpha"]) ** p["m"]


def c_fwer(p: dict) -> float:
    m, a = p["m"], p["alpha"]
    return sum(math.comb(m, k) * a ** k * (1 - a) ** (m - k) for k in range(1, m + 1))
