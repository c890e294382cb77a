"""Computed cards of the classical ML deck."""

import math
import random


def g_gini(rng: random.Random) -> dict:
    return {"a": rng.randint(0, 20), "b": rng.randint(1, 20), "c": rng.randint(0, 10)}


def a_gini(p: dict) -> float:
    n = p["a"] + p["b"] + p["c"]
    return 1 - sum((x / n) ** 2 for x in (p["a"], p["b"], p["c"]))


def c_gini(p: dict) -> float:
    counts = (p["a"], p["b"], p["c"])
    n = sum(counts)
    # probability that two draws with replacement have different labels
    return sum(counts[i] * counts[j] for i in range(3) for j in range(3) if i != j) / n ** 2


def g_ig(rng: random.Random) -> dict:
    return {"lp": rng.randint(1, 10), "ln": rng.randint(0, 10), "rp": rng.randint(0, 10), "rn": rng.randint(1, 10)}


def _h(pos: float, neg: float) -> float:
    n = pos + neg
    return -sum(x / n * math.log2(x / n) for x in (pos, neg) if x > 0) if n else 0.0


def a_ig(p: dict) -> float:
    lp, ln, rp, rn = p["lp"], p["ln"], p["rp"], p["rn"]
    n = lp + ln + rp + rn
    return _h(lp + rp, ln + rn) - (lp + ln) / n * _h(lp, ln) - (rp + rn) / n * _h(rp, rn)


def c_ig(p: dict) -> float:
    # information gain equals the mutual information between the split side and the label
    cells = {("L", 1): p["lp"], ("L", 0): p["ln"], ("R", 1): p["rp"], ("R", 0): p["rn"]}
    n = sum(cells.values())
    side = {s: sum(v for (t, _), v in cells.items() if t == s) for s in "LR"}
    lab = {y: sum(v for (_, z), v in cells.items() if z == y) for y in (0, 1)}
    return sum(v / n * math.log2(v * n / (side[s] * lab[y])) for (s, y), v in cells.items() if v)


def g_ada(rng: random.Random) -> dict:
    return {"e": rng.choice([0.05, 0.1, 0.2, 0.3, 0.4, 0.45])}


def a_ada(p: dict) -> float:
    return 0.5 * math.log((1 - p["e"]) / p["e"])


def c_ada(p: dict) -> float:
    return math.atanh(1 - 2 * p["e"])


def g_ols(rng: random.Random) -> dict:
    xs = rng.sample(range(0, 10), 3)
    return {"x1": xs[0], "x2": xs[1], "x3": xs[2], "y1": rng.randint(0, 10), "y2": rng.randint(0, 10), "y3": rng.randint(0, 10)}


def a_ols(p: dict) -> float:
    xs = [p["x1"], p["x2"], p["x3"]]
    ys = [p["y1"], p["y2"], p["y3"]]
    mx, my = sum(xs) / 3, sum(ys) / 3
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def c_ols(p: dict) -> float:
    xs = [p["x1"], p["x2"], p["x3"]]
    ys = [p["y1"], p["y2"], p["y3"]]
    n = 3
    sx, sy = sum(xs), sum(ys)
    sxx = sum(x * x for x in xs)
    sxy = sum(x * y for x, y in zip(xs, ys, strict=True))
    return (n * sxy - sx * sy) / (n * sxx - sx * sx)


def g_kmeans(rng: random.Random) -> dict:
    return {"a": rng.randint(-5, 5), "b": rng.randint(-5, 5), "c": rng.randint(-5, 5), "d": rng.randint(-5, 5)}


def a_kmeans(p: dict) -> float:
    pts = sorted([p["a"], p["b"], p["c"], p["d"]])
    # centroids at the minimum and maximum; assign each point to the nearer one (ties to the lower centroid)
    lo, hi = pts[0], pts[-1]
    left = [x for x in pts if abs(x - lo) <= abs(x - hi)]
    return sum(left) / len(left)


def c_kmeans(p: dict) -> float:
    pts = [p["a"], p["b"], p["c"], p["d"]]
    lo, hi = min(pts), max(pts)
    total, count = 0.0, 0
    for x in pts:
        if (x - lo) ** 2 <= (x - hi) ** 2:
            total += x
            count += 1
    return total / count


def g_bv(rng: random.Random) -> dict:
    return {"bias": rng.choice([0.5, 1.0, 2.0, -1.0]), "var": rng.choice([0.25, 1.0, 4.0]), "noise": rng.choice([0.1, 0.5, 1.0])}


def a_bv(p: dict) -> float:
    return p["bias"] ** 2 + p["var"] + p["noise"]


def c_bv(p: dict) -> float:
    # E[(y - f)^2] with y = t + e, f = t + bias + u; e, u independent zero-mean with the given variances
    return (p["bias"] * p["bias"]) + (p["var"] + p["noise"])


def g_pca(rng: random.Random) -> dict:
    ev = sorted(rng.sample([0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0], 4), reverse=True)
    return {"l1": ev[0], "l2": ev[1], "l3": ev[2], "l4": ev[3], "k": rng.randint(1, 3)}


def a_pca(p: dict) -> float:
    ev = [p["l1"], p["l2"], p["l3"], p["l4"]]
    return sum(ev[: p["k"]]) / sum(ev)


def c_pca(p: dict) -> float:
    ev = [p["l1"], p["l2"], p["l3"], p["l4"]]
    return 1 - sum(ev[p["k"]:]) / sum(ev)


def g_svm(rng: random.Random) -> dict:
    return {"w1": rng.choice([3, 1, 2, 0.5]), "w2": rng.choice([4, 1, 0, 1.5])}


def a_svm(p: dict) -> float:
    return 2 / math.hypot(p["w1"], p["w2"])


def c_svm(p: dict) -> float:
    return 2 / math.sqrt(p["w1"] ** 2 + p["w2"] ** 2)


def g_oob(rng: random.Random) -> dict:
    return {"n": rng.choice([2, 3, 5, 10, 100, 1000])}


def a_oob(p: dict) -> float:
    return (1 - 1 / p["n"]) ** p["n"]


def c_oob(p: dict) -> float:
    prob = 1.0
    for _ in range(p["n"]):  # each of n draws misses the example with probability (n - 1)/n
        prob *= (p["n"] - 1) / p["n"]
    return prob


def a_r2(p: dict) -> float:
    xs = [p["x1"], p["x2"], p["x3"]]
    ys = [p["y1"], p["y2"], p["y3"]]
    my = sum(ys) / 3
    sst = sum((y - my) ** 2 for y in ys)
    if sst == 0:
        return 1.0
    b = a_ols(p)
    a = my - b * sum(xs) / 3
    ssr = sum((y - (a + b * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    return 1 - ssr / sst


def c_r2(p: dict) -> float:
    xs = [p["x1"], p["x2"], p["x3"]]
    ys = [p["y1"], p["y2"], p["y3"]]
    n = 3
    sx, sy = sum(xs), sum(ys)
    sxy = sum(x * y for x, y in zip(xs, ys, strict=True))
    sxx, syy = sum(x * x for x in xs), sum(y * y for y in ys)
    den = (n * sxx - sx * sx) * (n * syy - sy * sy)
    if den == 0:
        return 1.0
    return (n * sxy - sx * sy) ** 2 / den  # squared Pearson correlation


def g_nb(rng: random.Random) -> dict:
    return {"prior": rng.choice([0.1, 0.2, 0.5]), "a1": rng.choice([0.8, 0.6, 0.9]), "a0": rng.choice([0.1, 0.3, 0.2]),
            "b1": rng.choice([0.7, 0.5, 0.4]), "b0": rng.choice([0.2, 0.1, 0.4])}


def a_nb(p: dict) -> float:
    pos = p["prior"] * p["a1"] * p["b1"]
    neg = (1 - p["prior"]) * p["a0"] * p["b0"]
    return pos / (pos + neg)


def c_nb(p: dict) -> float:
    # posterior odds = prior odds x likelihood ratio of each feature
    odds = p["prior"] / (1 - p["prior"]) * (p["a1"] / p["a0"]) * (p["b1"] / p["b0"])
    return odds / (1 + odds)


def g_gb(rng: random.Random) -> dict:
    return {"y1": rng.choice([1.0, 2.0, 3.0]), "y2": rng.choice([2.0, 4.0, 5.0]), "y3": rng.choice([6.0, 8.0, 9.0]),
            "y4": rng.choice([7.0, 10.0, 12.0]), "lr": rng.choice([0.1, 0.3, 0.5, 1.0])}


def a_gb(p: dict) -> float:
    ys = [p["y1"], p["y2"], p["y3"], p["y4"]]
    f0 = sum(ys) / 4
    leaf_right = ((ys[2] - f0) + (ys[3] - f0)) / 2  # the stump puts examples 3 and 4 in the right leaf
    return f0 + p["lr"] * leaf_right


def c_gb(p: dict) -> float:
    ys = [p["y1"], p["y2"], p["y3"], p["y4"]]
    f0 = sum(ys) / 4
    right_mean = (ys[2] + ys[3]) / 2  # mean residual of a leaf = leaf mean of y minus f0
    return (1 - p["lr"]) * f0 + p["lr"] * right_mean


def g_xgbleaf(rng: random.Random) -> dict:
    return {"p": rng.choice([0.0, 0.5, 1.0, 2.0]), "y1": rng.randint(-2, 5), "y2": rng.randint(-2, 5),
            "y3": rng.randint(-2, 5), "lam": rng.choice([0, 1, 2, 3, 10])}


def a_xgbleaf(p: dict) -> float:
    G = sum(p["p"] - p[k] for k in ("y1", "y2", "y3"))
    H = 3.0
    return -G / (H + p["lam"])


def c_xgbleaf(p: dict) -> float:
    ys = [p["y1"], p["y2"], p["y3"]]

    def slope(w: float) -> float:  # derivative of sum (1/2)(y - p - w)^2 + (lambda/2) w^2
        return sum(-(y - p["p"] - w) for y in ys) + p["lam"] * w

    lo, hi = -50.0, 50.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if slope(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2
