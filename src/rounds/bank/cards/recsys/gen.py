"""Computed cards of the recommender and search systems deck."""

import math
import random


def g_recall(rng: random.Random) -> dict:
    rel = rng.randint(3, 20)
    return {"rel": rel, "hits": rng.randint(0, rel), "k": rng.choice([10, 20, 50, 100])}


def a_recall(p: dict) -> float:
    return p["hits"] / p["rel"]


def c_recall(p: dict) -> float:
    return 1 - (p["rel"] - p["hits"]) / p["rel"]


def g_brute(rng: random.Random) -> dict:
    return {"items": rng.choice([1_000_000, 10_000_000, 100_000_000]), "d": rng.choice([64, 128, 256]), "qps": rng.choice([100, 1000, 5000])}


def a_brute(p: dict) -> float:
    return 2 * p["items"] * p["d"] * p["qps"]


def c_brute(p: dict) -> float:
    per_query_macs = p["items"] * p["d"]
    return per_query_macs * 2 * p["qps"]


def g_ipw(rng: random.Random) -> dict:
    return {"ctr": rng.choice([0.01, 0.02, 0.03, 0.05]), "prop": rng.choice([0.1, 0.2, 0.25, 0.5])}


def a_ipw(p: dict) -> float:
    return p["ctr"] / p["prop"]


def c_ipw(p: dict) -> float:
    impressions = 100000
    clicks = p["ctr"] * impressions
    examined = p["prop"] * impressions
    return clicks / examined


def g_index(rng: random.Random) -> dict:
    return {"items": rng.choice([10_000_000, 100_000_000, 1_000_000_000]), "d": rng.choice([64, 128, 256, 768]), "bytes": rng.choice([4, 2, 1])}


def a_index(p: dict) -> float:
    return p["items"] * p["d"] * p["bytes"] / 1e9


def c_index(p: dict) -> float:
    return p["items"] / 1e9 * (p["d"] * p["bytes"])


def g_mf(rng: random.Random) -> dict:
    return {"users": rng.choice([100_000, 1_000_000, 5_000_000]), "items": rng.choice([10_000, 100_000, 1_000_000]), "k": rng.choice([16, 32, 64, 128])}


def a_mf(p: dict) -> float:
    return (p["users"] + p["items"]) * (p["k"] + 1) + 1


def c_mf(p: dict) -> float:
    user_side = p["users"] * p["k"] + p["users"]
    item_side = p["items"] * p["k"] + p["items"]
    return user_side + item_side + 1


def g_logq(rng: random.Random) -> dict:
    return {"s": rng.choice([2.0, 3.5, 5.0, -1.0]), "q": rng.choice([0.001, 0.01, 0.05, 0.0001])}


def a_logq(p: dict) -> float:
    return p["s"] - math.log(p["q"])


def c_logq(p: dict) -> float:
    return math.log(math.exp(p["s"]) / p["q"])


def g_fm(rng: random.Random) -> dict:
    return {"n": rng.choice([1000, 10000, 100000, 1000000]), "k": rng.choice([8, 16, 32, 64])}


def a_fm(p: dict) -> float:
    return 1 + p["n"] + p["n"] * p["k"]


def c_fm(p: dict) -> float:
    per_feature = 1 + p["k"]  # a linear weight and a k-dimensional factor
    return per_feature * p["n"] + 1


def g_ne(rng: random.Random) -> dict:
    q = rng.choice([0.02, 0.05, 0.1, 0.2, 0.5])
    h = -(q * math.log(q) + (1 - q) * math.log(1 - q))
    return {"ll": round(h * rng.choice([0.75, 0.8, 0.85, 0.9, 0.95, 1.02]), 4), "p": q}


def a_ne(p: dict) -> float:
    q = p["p"]
    return p["ll"] / -(q * math.log(q) + (1 - q) * math.log(1 - q))


def c_ne(p: dict) -> float:
    q = p["p"]
    h_bits = -(q * math.log2(q) + (1 - q) * math.log2(1 - q))
    return (p["ll"] / math.log(2)) / h_bits  # the same ratio, both in bits


def g_epsg(rng: random.Random) -> dict:
    return {"k": rng.choice([2, 5, 10, 20, 100]), "eps": rng.choice([0.01, 0.05, 0.1, 0.2, 0.3])}


def a_epsg(p: dict) -> float:
    return 1 - p["eps"] + p["eps"] / p["k"]


def c_epsg(p: dict) -> float:
    best = 0  # sum over the two branches and, when exploring, over the K equally likely picks
    explore = sum(p["eps"] / p["k"] for item in range(p["k"]) if item == best)
    return (1 - p["eps"]) + explore


def g_ucb(rng: random.Random) -> dict:
    return {"mean": rng.choice([0.1, 0.3, 0.5, 0.7]), "n": rng.choice([1, 5, 10, 50, 100]),
            "t": rng.choice([100, 200, 1000, 10000])}


def a_ucb(p: dict) -> float:
    return p["mean"] + math.sqrt(2 * math.log(p["t"]) / p["n"])


def c_ucb(p: dict) -> float:
    return p["mean"] + (math.log(p["t"] ** 2) / p["n"]) ** 0.5
