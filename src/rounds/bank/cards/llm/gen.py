"""Computed cards of the LLM training and inference deck."""

import math
import random


def g_matmul(rng: random.Random) -> dict:
    return {"m": rng.choice([128, 512, 1024, 4096]), "k": rng.choice([256, 1024, 4096, 8192]), "n": rng.choice([64, 512, 2048, 11008])}


def a_matmul(p: dict) -> float:
    return 2 * p["m"] * p["k"] * p["n"]


def c_matmul(p: dict) -> float:
    outputs = p["m"] * p["n"]
    return outputs * (p["k"] + (p["k"] - 1)) + outputs  # k multiplies and k - 1 adds per output, ~ one add for accumulation


def g_train(rng: random.Random) -> dict:
    return {"n_b": rng.choice([1, 3, 7, 13, 70]), "t_b": rng.choice([20, 100, 300, 1000, 2000])}


def a_train(p: dict) -> float:
    return 6 * p["n_b"] * 1e9 * p["t_b"] * 1e9


def c_train(p: dict) -> float:
    forward = 2 * p["n_b"] * p["t_b"] * 1e18
    backward = 2 * forward
    return forward + backward


def g_lora(rng: random.Random) -> dict:
    return {"layers": rng.choice([24, 32, 40]), "d": rng.choice([2048, 4096, 5120]), "r": rng.choice([4, 8, 16, 64])}


def a_lora(p: dict) -> float:
    return p["layers"] * 2 * (p["r"] * (p["d"] + p["d"]))  # q and v, each A (r x d) and B (d x r)


def c_lora(p: dict) -> float:
    a = p["r"] * p["d"]
    b = p["d"] * p["r"]
    return (a + b) * 2 * p["layers"]


def g_adam_mem(rng: random.Random) -> dict:
    return {"n_b": rng.choice([1, 3, 7, 13, 34, 70])}


def a_adam_mem(p: dict) -> float:
    return 16 * p["n_b"]  # GB, with N in billions


def c_adam_mem(p: dict) -> float:
    n = p["n_b"] * 1e9
    weights16, grads16, master32, m32, v32 = 2 * n, 2 * n, 4 * n, 4 * n, 4 * n
    return (weights16 + grads16 + master32 + m32 + v32) / 1e9


def g_weights(rng: random.Random) -> dict:
    bits = rng.choice([16, 8, 4])
    return {"n_b": rng.choice([7, 13, 34, 70, 405]), "bits": bits}


def a_weights(p: dict) -> float:
    return p["n_b"] * p["bits"] / 8


def c_weights(p: dict) -> float:
    return p["n_b"] * 1e9 * (p["bits"] / 8) / 1e9


def g_decode(rng: random.Random) -> dict:
    return {"n_b": rng.choice([7, 8, 13, 70]), "bytes": rng.choice([2, 1]), "bw": rng.choice([1000, 2000, 3350])}


def a_decode(p: dict) -> float:
    return p["bw"] / (p["n_b"] * p["bytes"])


def c_decode(p: dict) -> float:
    seconds_per_token = (p["n_b"] * 1e9 * p["bytes"]) / (p["bw"] * 1e9)
    return 1 / seconds_per_token


def g_ppl(rng: random.Random) -> dict:
    return {"loss": rng.choice([1.5, 1.8, 2.0, 2.3, 2.7, 3.0, 3.5])}


def a_ppl(p: dict) -> float:
    return math.exp(p["loss"])


def c_ppl(p: dict) -> float:
    return 2 ** (p["loss"] / math.log(2))


def g_temp(rng: random.Random) -> dict:
    return {"z1": rng.randint(1, 5), "z2": rng.randint(-2, 3), "z3": rng.randint(-3, 1), "t": rng.choice([0.5, 0.7, 1.0, 2.0])}


def a_temp(p: dict) -> float:
    zs = [p["z1"] / p["t"], p["z2"] / p["t"], p["z3"] / p["t"]]
    top = max(zs)
    e = [math.exp(z - top) for z in zs]
    return e[0] / sum(e)


def c_temp(p: dict) -> float:
    return 1 / (1 + math.exp((p["z2"] - p["z1"]) / p["t"]) + math.exp((p["z3"] - p["z1"]) / p["t"]))


def g_global_batch(rng: random.Random) -> dict:
    return {"gpus": rng.choice([8, 16, 64, 256]), "micro": rng.choice([1, 2, 4, 8]), "accum": rng.choice([1, 2, 4, 8, 16]), "seq": rng.choice([2048, 4096, 8192])}


def a_global_batch(p: dict) -> float:
    return p["gpus"] * p["micro"] * p["accum"] * p["seq"]


def c_global_batch(p: dict) -> float:
    sequences = p["micro"] * p["accum"]
    return sequences * p["seq"] * p["gpus"]


def g_chin(rng: random.Random) -> dict:
    return {"c": rng.choice([1e21, 1e22, 6e23, 1e24, 3e24])}


def a_chin(p: dict) -> float:
    return math.sqrt(p["c"] / 120) / 1e9


def c_chin(p: dict) -> float:
    lo, hi = 1.0, 1e15  # solve 6 * N * (20 N) = C for N by bisection in log space
    for _ in range(300):
        mid = math.sqrt(lo * hi)
        if 120 * mid * mid < p["c"]:
            lo = mid
        else:
            hi = mid
    return lo / 1e9


def g_emb(rng: random.Random) -> dict:
    return {"v": rng.choice([32000, 50257, 128256, 151936]), "d": rng.choice([2048, 4096, 8192]), "tied": rng.choice([0, 1])}


def a_emb(p: dict) -> float:
    return p["v"] * p["d"] * (1 if p["tied"] else 2)


def c_emb(p: dict) -> float:
    table = p["v"] * p["d"]
    head = 0 if p["tied"] else p["d"] * p["v"]
    return table + head


def g_bubble(rng: random.Random) -> dict:
    return {"p": rng.choice([2, 4, 8, 16]), "m": rng.choice([1, 4, 8, 16, 32, 64])}


def a_bubble(p: dict) -> float:
    return (p["p"] - 1) / (p["m"] + p["p"] - 1)


def c_bubble(p: dict) -> float:
    # GPipe forward schedule: stage s works on micro-batch j at time slot s + j
    slots = p["m"] + p["p"] - 1
    busy = {(s, s + j) for s in range(p["p"]) for j in range(p["m"])}
    return 1 - len(busy) / (p["p"] * slots)


def g_ring(rng: random.Random) -> dict:
    return {"n": rng.choice([2, 4, 8, 16, 64]), "gb": rng.choice([1, 2, 14, 28])}


def a_ring(p: dict) -> float:
    return 2 * (p["n"] - 1) / p["n"] * p["gb"]


def c_ring(p: dict) -> float:
    chunk = p["gb"] / p["n"]
    reduce_scatter = (p["n"] - 1) * chunk
    all_gather = (p["n"] - 1) * chunk
    return reduce_scatter + all_gather


def g_mfu(rng: random.Random) -> dict:
    n_b, peak = rng.choice([1, 7, 13, 70]), rng.choice([312, 989])
    target = rng.choice([0.25, 0.35, 0.45, 0.55])  # a realistic utilisation; the card gives the throughput it implies
    tps = round(target * peak * 1e12 / (6 * n_b * 1e9), -1)
    return {"n_b": n_b, "tps": int(tps), "gpus": rng.choice([8, 64, 512]), "peak": peak}


def a_mfu(p: dict) -> float:
    return 6 * p["n_b"] * 1e9 * p["tps"] * p["gpus"] / (p["gpus"] * p["peak"] * 1e12)


def c_mfu(p: dict) -> float:
    achieved_per_gpu = 6 * (p["n_b"] * 1e9) * p["tps"]  # tokens/s is per GPU
    return achieved_per_gpu / (p["peak"] * 1e12)


def g_maxbatch(rng: random.Random) -> dict:
    return {"mem": rng.choice([40, 80, 141]), "n_b": rng.choice([7, 8, 13]), "layers": rng.choice([32, 40]), "kv_heads": rng.choice([8, 32, 40]),
            "seq": rng.choice([2048, 4096, 8192])}


def _cache_gb(p: dict) -> float:
    return 2 * p["layers"] * p["kv_heads"] * 128 * p["seq"] * 2 / 1e9


def a_maxbatch(p: dict) -> float:
    free = p["mem"] - 2 * p["n_b"]
    return max(0, math.floor(free / _cache_gb(p)))


def c_maxbatch(p: dict) -> float:
    used, batch = 2.0 * p["n_b"], 0
    while used + _cache_gb(p) <= p["mem"]:
        used += _cache_gb(p)
        batch += 1
    return batch


def g_bpb(rng: random.Random) -> dict:
    tokens = rng.choice([1000, 2500, 4000])
    return {"loss": rng.choice([1.8, 2.0, 2.2, 2.5]), "tokens": tokens, "bytes": int(tokens * rng.choice([3.5, 4, 4.5]))}


def a_bpb(p: dict) -> float:
    return p["loss"] * p["tokens"] / (math.log(2) * p["bytes"])


def c_bpb(p: dict) -> float:
    total_bits = p["loss"] / math.log(2) * p["tokens"]
    return total_bits / p["bytes"]


def g_days(rng: random.Random) -> dict:
    return {"n_b": rng.choice([7, 13, 70]), "t_b": rng.choice([300, 1000, 2000]), "gpus": rng.choice([256, 1024, 2048]),
            "peak": rng.choice([312, 989]), "mfu": rng.choice([0.3, 0.4, 0.5])}


def a_days(p: dict) -> float:
    flops = 6 * p["n_b"] * 1e9 * p["t_b"] * 1e9
    return flops / (p["gpus"] * p["peak"] * 1e12 * p["mfu"]) / 86400


def c_days(p: dict) -> float:
    tokens_per_second = p["gpus"] * p["peak"] * 1e12 * p["mfu"] / (6 * p["n_b"] * 1e9)
    return p["t_b"] * 1e9 / tokens_per_second / (24 * 3600)


def g_dpo(rng: random.Random) -> dict:
    return {"pw": rng.choice([-12.0, -10.0, -8.0, -15.0]), "pl": rng.choice([-14.0, -12.0, -9.0, -20.0]),
            "rw": rng.choice([-12.0, -11.0, -10.0]), "rl": rng.choice([-13.0, -12.0, -11.0]),
            "beta": rng.choice([0.05, 0.1, 0.3, 0.5])}


def a_dpo(p: dict) -> float:
    margin = p["beta"] * ((p["pw"] - p["rw"]) - (p["pl"] - p["rl"]))
    return -math.log(1 / (1 + math.exp(-margin)))


def c_dpo(p: dict) -> float:
    reward_w = p["beta"] * (p["pw"] - p["rw"])
    reward_l = p["beta"] * (p["pl"] - p["rl"])
    z = reward_l - reward_w  # softplus(-margin), computed stably
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def g_spec(rng: random.Random) -> dict:
    return {"gamma": rng.choice([1, 2, 3, 4, 5, 8]), "alpha": rng.choice([0.5, 0.6, 0.7, 0.8, 0.9])}


def a_spec(p: dict) -> float:
    a = p["alpha"]
    return (1 - a ** (p["gamma"] + 1)) / (1 - a)


def c_spec(p: dict) -> float:
    a, g = p["alpha"], p["gamma"]
    # P(exactly j drafts accepted) = a^j (1 - a) for j < g, a^g for j = g; plus the target's own token
    expected = sum(j * a ** j * (1 - a) for j in range(g)) + g * a ** g
    return expected + 1
