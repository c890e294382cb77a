"""Computed cards of the probability and statistics deck."""

import math
import random


def g_bayes(rng: random.Random) -> dict:
    return {"prev": rng.choice([0.001, 0.01, 0.02, 0.05, 0.1]), "sens": rng.choice([0.9, 0.95, 0.99]), "spec": rng.choice([0.9, 0.95, 0.99])}


def a_bayes(p: dict) -> float:
    tp = p["sens"] * p["prev"]
    fp = (1 - p["spec"]) * (1 - p["prev"])
    return tp / (tp + fp)


def c_bayes(p: dict) -> float:
    people = 1_000_000
    sick = people * p["prev"]
    positives_sick = sick * p["sens"]
    positives_healthy = (people - sick) * (1 - p["spec"])
    return positives_sick / (positives_sick + positives_healthy)


def g_bday(rng: random.Random) -> dict:
    return {"k": rng.choice([10, 23, 30, 50, 70]), "n": 365}


def a_bday(p: dict) -> float:
    q = 1.0
    for i in range(p["k"]):
        q *= (p["n"] - i) / p["n"]
    return 1 - q


def c_bday(p: dict) -> float:
    return 1 - math.perm(p["n"], p["k"]) / p["n"] ** p["k"]


def g_binom(rng: random.Random) -> dict:
    return {"n": rng.randint(4, 12), "k": rng.randint(0, 4), "p": rng.choice([0.1, 0.2, 0.3, 0.5])}


def a_binom(p: dict) -> float:
    return math.comb(p["n"], p["k"]) * p["p"] ** p["k"] * (1 - p["p"]) ** (p["n"] - p["k"])


def c_binom(p: dict) -> float:
    # dynamic programme over trials
    dist = [1.0]
    for _ in range(p["n"]):
        nxt = [0.0] * (len(dist) + 1)
        for j, v in enumerate(dist):
            nxt[j] += v * (1 - p["p"])
            nxt[j + 1] += v * p["p"]
        dist = nxt
    return dist[p["k"]] if p["k"] < len(dist) else 0.0


def g_entropy(rng: random.Random) -> dict:
    a = rng.choice([0.5, 0.25, 0.7, 0.6, 0.4])
    b = rng.choice([x for x in (0.1, 0.2, 0.25) if x < 1 - a])
    return {"a": a, "b": b, "c": round(1 - a - b, 10)}


def a_entropy(p: dict) -> float:
    return -sum(x * math.log2(x) for x in (p["a"], p["b"], p["c"]) if x > 0)


def c_entropy(p: dict) -> float:
    return sum(x * math.log(1 / x) for x in (p["a"], p["b"], p["c"]) if x > 0) / math.log(2)


def g_kl(rng: random.Random) -> dict:
    return {"p": rng.choice([0.1, 0.3, 0.5, 0.8]), "q": rng.choice([0.2, 0.5, 0.6, 0.9])}


def a_kl(p: dict) -> float:
    a, b = p["p"], p["q"]
    return a * math.log(a / b) + (1 - a) * math.log((1 - a) / (1 - b))


def c_kl(p: dict) -> float:
    a, b = p["p"], p["q"]
    cross = -(a * math.log(b) + (1 - a) * math.log(1 - b))
    ent = -(a * math.log(a) + (1 - a) * math.log(1 - a))
    return cross - ent


def g_se(rng: random.Random) -> dict:
    return {"sigma": rng.choice([2, 5, 10, 15]), "n": rng.choice([16, 25, 100, 400, 2500])}


def a_se(p: dict) -> float:
    return p["sigma"] / math.sqrt(p["n"])


def c_se(p: dict) -> float:
    return math.sqrt(p["sigma"] ** 2 / p["n"])


def g_geom(rng: random.Random) -> dict:
    return {"p": rng.choice([0.5, 0.25, 0.2, 0.1, 0.05, 0.01])}


def a_geom(p: dict) -> float:
    return 1 / p["p"]


def c_geom(p: dict) -> float:
    # sum_k k (1-p)^(k-1) p, truncated far into the tail
    q = 1 - p["p"]
    return sum(k * q ** (k - 1) * p["p"] for k in range(1, 5000))


def g_coupon(rng: random.Random) -> dict:
    return {"n": rng.choice([2, 3, 4, 6, 10, 20])}


def a_coupon(p: dict) -> float:
    return p["n"] * sum(1 / k for k in range(1, p["n"] + 1))


def c_coupon(p: dict) -> float:
    n = p["n"]
    return sum(n / (n - i) for i in range(n))  # waiting time for each new coupon


def g_dice(rng: random.Random) -> dict:
    return {"n": rng.choice([4, 6, 8, 10, 12, 20])}


def a_dice(p: dict) -> float:
    n = p["n"]
    return sum(1 - ((k - 1) / n) ** 2 for k in range(1, n + 1))  # E[M] = sum_k P(M >= k)


def c_dice(p: dict) -> float:
    n = p["n"]
    return sum(max(a, b) for a in range(1, n + 1) for b in range(1, n + 1)) / n ** 2


def g_var_sum(rng: random.Random) -> dict:
    return {"a": rng.choice([1, 2, -1, 3]), "b": rng.choice([1, -2, 0.5]), "vx": rng.choice([1, 4, 9]), "vy": rng.choice([1, 2, 4]),
            "rho": rng.choice([0.0, 0.5, -0.5, 0.25])}


def a_var_sum(p: dict) -> float:
    cov = p["rho"] * math.sqrt(p["vx"] * p["vy"])
    return p["a"] ** 2 * p["vx"] + p["b"] ** 2 * p["vy"] + 2 * p["a"] * p["b"] * cov


def c_var_sum(p: dict) -> float:
    sx, sy = math.sqrt(p["vx"]), math.sqrt(p["vy"])
    # variance of a x + b y as a quadratic form with the covariance matrix
    m = [[p["vx"], p["rho"] * sx * sy], [p["rho"] * sx * sy, p["vy"]]]
    w = [p["a"], p["b"]]
    return sum(w[i] * m[i][j] * w[j] for i in range(2) for j in range(2))


def g_fixed(rng: random.Random) -> dict:
    return {"n": rng.randint(2, 6)}


def a_fixed(p: dict) -> float:
    return p["n"] * (1 / p["n"])  # linearity: n indicators, each with probability 1/n


def c_fixed(p: dict) -> float:
    import itertools
    perms = list(itertools.permutations(range(p["n"])))
    return sum(sum(1 for i, v in enumerate(s) if i == v) for s in perms) / len(perms)


def g_poisson(rng: random.Random) -> dict:
    return {"lam": rng.choice([0.5, 1.0, 2.0, 3.0, 5.0]), "k": rng.randint(0, 5)}


def a_poisson(p: dict) -> float:
    return p["lam"] ** p["k"] * math.exp(-p["lam"]) / math.factorial(p["k"])


def c_poisson(p: dict) -> float:
    prob = math.exp(-p["lam"])  # P(0), then the ratio P(j) / P(j - 1) = lam / j
    for j in range(1, p["k"] + 1):
        prob *= p["lam"] / j
    return prob


def g_dice_sum(rng: random.Random) -> dict:
    return {"s": rng.randint(2, 12)}


def a_dice_sum(p: dict) -> float:
    return min(p["s"] - 1, 13 - p["s"]) / 36


def c_dice_sum(p: dict) -> float:
    return sum(1 for a in range(1, 7) for b in range(1, 7) if a + b == p["s"]) / 36


def g_hh(rng: random.Random) -> dict:
    return {"p": rng.choice([0.5, 0.25, 0.6, 0.75, 0.2])}


def a_hh(p: dict) -> float:
    return (1 + p["p"]) / p["p"] ** 2


def c_hh(p: dict) -> float:
    # first-step equations, state 0 (no head yet) and state 1 (last flip a head), solved by Cramer's rule:
    #   p*e0 - p*e1 = 1   and   -q*e0 + e1 = 1
    q = 1 - p["p"]
    a, b, c, d = p["p"], -p["p"], -q, 1.0
    return (1.0 * d - b * 1.0) / (a * d - b * c)


def g_beta(rng: random.Random) -> dict:
    return {"a": rng.choice([1, 2, 5]), "b": rng.choice([1, 10, 50]), "k": rng.randint(0, 5), "n": rng.choice([5, 10, 20])}


def a_beta(p: dict) -> float:
    return (p["a"] + p["k"]) / (p["a"] + p["b"] + p["n"])


def c_beta(p: dict) -> float:
    # posterior mean by numerical integration of theta * prior * likelihood on a grid (midpoint rule)
    steps = 2000
    num = den = 0.0
    for i in range(steps):
        t = (i + 0.5) / steps
        w = t ** (p["a"] - 1 + p["k"]) * (1 - t) ** (p["b"] - 1 + p["n"] - p["k"])
        num += t * w
        den += w
    return num / den


def g_umax(rng: random.Random) -> dict:
    return {"n": rng.randint(1, 12)}


def a_umax(p: dict) -> float:
    return p["n"] / (p["n"] + 1)


def c_umax(p: dict) -> float:
    # E[M] = integral of P(M > x) = integral of (1 - x^n) over [0, 1], by the midpoint rule
    steps = 1000
    return sum(1 - ((i + 0.5) / steps) ** p["n"] for i in range(steps)) / steps


def g_cond(rng: random.Random) -> dict:
    return {"a": rng.randint(5, 40), "b": rng.randint(5, 40), "c": rng.randint(5, 40), "d": rng.randint(5, 40)}


def a_cond(p: dict) -> float:
    return p["a"] / (p["a"] + p["c"])


def c_cond(p: dict) -> float:
    n = p["a"] + p["b"] + p["c"] + p["d"]
    p_both = p["a"] / n
    p_clicked = (p["a"] + p["c"]) / n
    return p_both / p_clicked


def g_expmem(rng: random.Random) -> dict:
    return {"mu": rng.choice([2, 5, 10, 24, 100]), "s": rng.choice([1, 5, 10, 50]), "t": rng.choice([1, 2, 5, 10, 24])}


def a_expmem(p: dict) -> float:
    return math.exp(-p["t"] / p["mu"])


def c_expmem(p: dict) -> float:
    def survive(x: float) -> float:
        return math.exp(-x / p["mu"])

    return survive(p["s"] + p["t"]) / survive(p["s"])
