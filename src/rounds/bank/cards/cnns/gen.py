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


def g_iou(rng: random.Random) -> dict:
    x1, y1 = rng.randint(0, 5), rng.randint(0, 5)
    x2, y2 = rng.randint(0, 5), rng.randint(0, 5)
    return {"ax1": x1, "ay1": y1, "ax2": x1 + rng.randint(2, 6), "ay2": y1 + rng.randint(2, 6),
            "bx1": x2, "by1": y2, "bx2": x2 + rng.randint(2, 6), "by2": y2 + rng.randint(2, 6)}


def a_iou(p: dict) -> float:
    iw = max(0, min(p["ax2"], p["bx2"]) - max(p["ax1"], p["bx1"]))
    ih = max(0, min(p["ay2"], p["by2"]) - max(p["ay1"], p["by1"]))
    inter = iw * ih
    area_a = (p["ax2"] - p["ax1"]) * (p["ay2"] - p["ay1"])
    area_b = (p["bx2"] - p["bx1"]) * (p["by2"] - p["by1"])
    return inter / (area_a + area_b - inter)


def c_iou(p: dict) -> float:
    # count unit cells on the integer grid
    a = {(x, y) for x in range(p["ax1"], p["ax2"]) for y in range(p["ay1"], p["ay2"])}
    b = {(x, y) for x in range(p["bx1"], p["bx2"]) for y in range(p["by1"], p["by2"])}
    return len(a & b) / len(a | b)


def g_dil(rng: random.Random) -> dict:
    return {"k": rng.choice([3, 5]), "d": rng.choice([1, 2, 4, 8])}


def a_dil(p: dict) -> float:
    return p["d"] * (p["k"] - 1) + 1


def c_dil(p: dict) -> float:
    taps = [i * p["d"] for i in range(p["k"])]
    return max(taps) - min(taps) + 1


def g_stack(rng: random.Random) -> dict:
    return {"c": rng.choice([32, 64, 128, 256])}


def a_stack(p: dict) -> float:
    return 3 * 3 * 3 * p["c"] ** 2


def c_stack(p: dict) -> float:
    one = p["c"] * p["c"] * 9
    return one + one + one


def g_fmap(rng: random.Random) -> dict:
    return {"b": rng.choice([8, 32, 64, 256]), "c": rng.choice([64, 128, 256]), "h": rng.choice([28, 56, 112]), "bytes": rng.choice([2, 4])}


def a_fmap(p: dict) -> float:
    return p["b"] * p["c"] * p["h"] * p["h"] * p["bytes"] / 2**20


def c_fmap(p: dict) -> float:
    per_image_kib = p["c"] * p["h"] ** 2 * p["bytes"] / 1024
    return per_image_kib * p["b"] / 1024


def g_rf_stride(rng: random.Random) -> dict:
    return {"k1": rng.choice([3, 5, 7]), "s1": rng.choice([1, 2]), "k2": rng.choice([3, 5]), "s2": rng.choice([1, 2]), "k3": rng.choice([3, 5]), "s3": rng.choice([1, 2])}


def a_rf_stride(p: dict) -> float:
    rf, jump = 1, 1
    for k, s in ((p["k1"], p["s1"]), (p["k2"], p["s2"]), (p["k3"], p["s3"])):
        rf += (k - 1) * jump
        jump *= s
    return rf


def c_rf_stride(p: dict) -> float:
    # walk backwards from one output unit: r_prev = s * r + (k - s)
    r = 1
    for k, s in ((p["k3"], p["s3"]), (p["k2"], p["s2"]), (p["k1"], p["s1"])):
        r = s * r + (k - s)
    return r


def g_dilout(rng: random.Random) -> dict:
    return {"h": rng.choice([28, 32, 56, 64, 65, 224]), "k": rng.choice([3, 5]), "s": rng.choice([1, 2]),
            "p": rng.choice([0, 1, 2, 4]), "d": rng.choice([1, 2, 3, 4])}


def a_dilout(p: dict) -> float:
    return (p["h"] + 2 * p["p"] - p["d"] * (p["k"] - 1) - 1) // p["s"] + 1


def c_dilout(p: dict) -> float:
    padded = p["h"] + 2 * p["p"]
    span = p["d"] * (p["k"] - 1)  # offset of the last kernel tap from the first
    return sum(1 for start in range(0, padded, p["s"]) if start + span <= padded - 1)


def g_groupconv(rng: random.Random) -> dict:
    g = rng.choice([1, 2, 4, 8, 32])
    return {"cin": g * rng.choice([1, 2, 4, 8]), "cout": g * rng.choice([1, 2, 4, 8]), "k": rng.choice([1, 3, 5]), "g": g}


def a_groupconv(p: dict) -> float:
    return p["cout"] * (p["cin"] // p["g"]) * p["k"] * p["k"] + p["cout"]


def c_groupconv(p: dict) -> float:
    g = p["g"]
    per_group = (p["cout"] // g) * (p["cin"] // g) * p["k"] ** 2
    return g * per_group + p["cout"]


def g_anchors(rng: random.Random) -> dict:
    return {"a": rng.choice([1, 3, 9]), "s": rng.choice([320, 416, 512, 640, 1280])}


def a_anchors(p: dict) -> float:
    s = p["s"]
    return p["a"] * ((s // 8) ** 2 + (s // 16) ** 2 + (s // 32) ** 2)


def c_anchors(p: dict) -> float:
    total = 0
    for stride in (8, 16, 32):
        side = p["s"] // stride
        total += p["a"] * sum(side for _ in range(side))  # side rows of side cells
    return total
