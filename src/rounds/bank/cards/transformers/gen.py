"""Computed cards of the transformers deck: a generator, an answer and an independent check per card."""

import math
import random


def g_mha(rng: random.Random) -> dict:
    h = rng.choice([4, 8, 12, 16, 32])
    return {"d": h * rng.choice([32, 64, 128]), "h": h}


def a_mha(p: dict) -> float:
    d = p["d"]
    return 4 * d * d + 4 * d  # Q, K, V and output projections, each d x d with a bias


def c_mha(p: dict) -> float:
    d, h = p["d"], p["h"]
    hd = d // h
    per_head = 3 * (d * hd + hd)  # each head's own q, k, v slices
    return h * per_head + (d * d + d)


def g_ffn(rng: random.Random) -> dict:
    d = rng.choice([256, 512, 768, 1024, 2048])
    return {"d": d, "ff": d * rng.choice([2, 4, 8])}


def a_ffn(p: dict) -> float:
    return 2 * p["d"] * p["ff"] + p["ff"] + p["d"]


def c_ffn(p: dict) -> float:
    up = p["d"] * p["ff"] + p["ff"]
    down = p["ff"] * p["d"] + p["d"]
    return up + down


def g_kv(rng: random.Random) -> dict:
    heads = rng.choice([32, 40, 64])
    return {"layers": rng.choice([24, 32, 40, 80]), "heads": heads, "kv_heads": rng.choice([h for h in (1, 4, 8, heads) if heads % h == 0]),
            "head_dim": 128, "seq": rng.choice([2048, 4096, 8192, 32768]), "batch": rng.choice([1, 4, 8, 16])}


def a_kv(p: dict) -> float:
    return 2 * p["layers"] * p["kv_heads"] * p["head_dim"] * p["seq"] * p["batch"] * 2 / 2**30


def c_kv(p: dict) -> float:
    per_token_per_layer = 2 * (p["kv_heads"] * p["head_dim"]) * 2  # K and V vectors, 2 bytes each element
    tokens = p["seq"] * p["batch"]
    return per_token_per_layer * tokens * p["layers"] / (1024 ** 3)


def g_scores(rng: random.Random) -> dict:
    return {"n": rng.choice([512, 1024, 2048, 4096, 8192]), "d": rng.choice([64, 128, 256, 1024, 4096])}


def a_scores(p: dict) -> float:
    return 2 * p["n"] * p["n"] * p["d"]


def c_scores(p: dict) -> float:
    macs_per_entry = p["d"]
    return 2 * macs_per_entry * p["n"] ** 2


def g_body(rng: random.Random) -> dict:
    return {"L": rng.choice([12, 24, 32, 48, 96]), "d": rng.choice([768, 1024, 2048, 4096, 12288])}


def a_body(p: dict) -> float:
    d, L = p["d"], p["L"]
    return L * (4 * d * d + 2 * d * (4 * d))


def c_body(p: dict) -> float:
    return 12 * p["L"] * p["d"] ** 2


def g_pe(rng: random.Random) -> dict:
    return {"pos": rng.randint(1, 50), "i": rng.randint(0, 3), "d": rng.choice([8, 16])}


def a_pe(p: dict) -> float:
    return math.sin(p["pos"] / 10000 ** (2 * p["i"] / p["d"]))


def c_pe(p: dict) -> float:
    freq = math.exp(-math.log(10000.0) * (2 * p["i"]) / p["d"])
    return math.sin(p["pos"] * freq)


def g_attn_w(rng: random.Random) -> dict:
    return {"s1": rng.randint(-4, 8), "s2": rng.randint(-4, 8), "dk": rng.choice([4, 16, 64])}


def a_attn_w(p: dict) -> float:
    a, b = p["s1"] / math.sqrt(p["dk"]), p["s2"] / math.sqrt(p["dk"])
    return math.exp(a) / (math.exp(a) + math.exp(b))


def c_attn_w(p: dict) -> float:
    return 1 / (1 + math.exp((p["s2"] - p["s1"]) / p["dk"] ** 0.5))


def g_cross(rng: random.Random) -> dict:
    return {"d": rng.choice([256, 512, 768, 1024]), "e": rng.choice([256, 512, 1024, 1280])}


def a_cross(p: dict) -> float:
    d, e = p["d"], p["e"]
    return 2 * d * d + 2 * e * d + 4 * d


def c_cross(p: dict) -> float:
    d, e = p["d"], p["e"]
    q = d * d + d
    k = e * d + d
    v = e * d + d
    o = d * d + d
    return q + k + v + o


def g_moe(rng: random.Random) -> dict:
    return {"attn": rng.choice([1, 2, 5]), "experts": rng.choice([8, 16, 64]), "expert": rng.choice([0.5, 1.0, 2.0]), "k": rng.choice([1, 2])}


def a_moe(p: dict) -> float:
    return p["attn"] + p["k"] * p["expert"]


def c_moe(p: dict) -> float:
    total = p["attn"] + p["experts"] * p["expert"]
    unused = (p["experts"] - p["k"]) * p["expert"]
    return total - unused


def g_attn_mem(rng: random.Random) -> dict:
    return {"b": rng.choice([1, 4, 8]), "h": rng.choice([12, 16, 32]), "n": rng.choice([2048, 4096, 8192, 16384])}


def a_attn_mem(p: dict) -> float:
    return p["b"] * p["h"] * p["n"] * p["n"] * 2 / 2**30


def c_attn_mem(p: dict) -> float:
    per_head_mib = p["n"] * p["n"] * 2 / 2**20
    return per_head_mib * p["h"] * p["b"] / 1024


def g_vit_tokens(rng: random.Random) -> dict:
    p = rng.choice([8, 14, 16, 32])
    return {"p": p, "hpx": p * rng.choice([7, 14, 16, 24]), "wpx": p * rng.choice([7, 14, 16, 24]), "cls": rng.choice([0, 1])}


def a_vit_tokens(p: dict) -> float:
    return (p["hpx"] // p["p"]) * (p["wpx"] // p["p"]) + p["cls"]


def c_vit_tokens(p: dict) -> float:
    corners = [(y, x) for y in range(0, p["hpx"], p["p"]) for x in range(0, p["wpx"], p["p"])]  # one per patch
    return len(corners) + (1 if p["cls"] else 0)


def g_gqa(rng: random.Random) -> dict:
    h = rng.choice([16, 32, 64])
    return {"d": h * 128, "h": h, "kv": rng.choice([g for g in (1, 2, 4, 8) if h % g == 0])}


def a_gqa(p: dict) -> float:
    d, hd = p["d"], p["d"] // p["h"]
    return 2 * d * d + 2 * d * p["kv"] * hd


def c_gqa(p: dict) -> float:
    hd = p["d"] // p["h"]
    per_q_head = p["d"] * hd
    per_kv_head = 2 * p["d"] * hd
    return p["h"] * per_q_head + p["kv"] * per_kv_head + p["d"] * p["d"]


def g_fpt(rng: random.Random) -> dict:
    n_b, L, d = rng.choice([(1.3, 24, 2048), (7, 32, 4096), (13, 40, 5120), (70, 80, 8192)])  # consistent shapes
    return {"n_b": n_b, "L": L, "ctx": rng.choice([2048, 8192, 32768]), "d": d}


def a_fpt(p: dict) -> float:
    return (2 * p["n_b"] * 1e9 + 2 * p["L"] * p["ctx"] * p["d"]) / 1e9


def c_fpt(p: dict) -> float:
    weights = 2 * p["n_b"] * 1e9  # one multiply-add per parameter
    attention = p["L"] * (2 * p["ctx"] * p["d"])  # per layer, Kaplan et al. count 2 * n_ctx * d_attn for attention
    return (weights + attention) / 1e9


def g_alibi(rng: random.Random) -> dict:
    h = rng.choice([4, 8, 16, 32])
    return {"h": h, "i": rng.randint(1, h), "k": rng.choice([1, 2, 4, 10, 100])}


def a_alibi(p: dict) -> float:
    return -(2 ** (-8 * p["i"] / p["h"])) * p["k"]


def c_alibi(p: dict) -> float:
    start = 2 ** (-8 / p["h"])
    slopes = [start ** j for j in range(1, p["h"] + 1)]  # geometric: start, start^2, ...
    return -slopes[p["i"] - 1] * p["k"]


def g_rope(rng: random.Random) -> dict:
    d = rng.choice([64, 128])
    return {"d": d, "i": rng.choice([0, 1, 4, 8, 16, 31]), "m": rng.choice([1, 7, 10, 100, 1000, 4096])}


def a_rope(p: dict) -> float:
    return p["m"] * 10000 ** (-2 * p["i"] / p["d"])


def c_rope(p: dict) -> float:
    return p["m"] * math.exp(-2 * p["i"] / p["d"] * math.log(10000))
