import numpy as np

from rounds.testkit import Call, custom, floats

checker = floats(atol=1e-12, rtol=1e-9, dtype="float64")
P_MIN = 1e-6


def _exact(logits, top_k, top_p, temperature):
    """Oracle for the sampler: the filtered distribution by a plain loop over the ranking."""
    z = [x / temperature for x in logits]
    order = sorted(range(len(z)), key=lambda i: (-z[i], i))
    if top_k:
        order = order[:top_k]
    top = z[order[0]]
    w = [np.exp(z[i] - top) for i in order]
    total = sum(w)
    kept, cum = [], 0.0
    for i, wi in zip(order, w):
        kept.append(i)
        cum += wi / total
        if cum >= top_p:
            break
    p = np.zeros(len(z))
    norm = sum(np.exp(z[i] - top) for i in kept)
    for i in kept:
        p[i] = np.exp(z[i] - top) / norm
    return p


def _chi2_pvalue(stat, df):
    import torch

    return float(torch.special.gammaincc(torch.tensor(df / 2.0, dtype=torch.float64),
                                         torch.tensor(stat / 2.0, dtype=torch.float64)))


def _sampler_check(actual, expected, args):
    logits, top_k, top_p, temperature, n, _seed = args
    p = _exact(list(logits), top_k, top_p, temperature)
    a = np.asarray(actual)
    if a.shape != (n,):
        return f"returned shape {a.shape}, expected ({n},)"
    if a.dtype.kind not in "iu":
        return f"returned dtype {a.dtype}, expected integer token ids"
    if a.min() < 0 or a.max() >= len(p):
        return "a token id is outside the vocabulary"
    bad = p[a] == 0
    if bad.any():
        return f"drew token {int(a[bad][0])}, which the filters remove ({int(bad.sum())} such draws)"
    kept = np.flatnonzero(p)
    if len(kept) == 1:
        return None
    counts = np.bincount(a, minlength=len(p))[kept]
    exp = n * p[kept]
    stat = float(((counts - exp) ** 2 / exp).sum())
    pv = _chi2_pvalue(stat, len(kept) - 1)
    if pv < P_MIN:
        worst = int(kept[np.argmax(np.abs(counts - exp) / np.sqrt(exp))])
        i = int(np.searchsorted(kept, worst))
        return (f"the draws do not follow the filtered distribution: chi-square {stat:.1f} on {len(kept) - 1} "
                f"degrees of freedom, p = {pv:.2g}; token {worst} was drawn {int(counts[i])} times, "
                f"about {exp[i]:.0f} expected")
    return None


def _away_from_cumsums(z, k, top_p, t):
    """Move top_p until no cumulative probability of the ranking lies within 1e-6 of it."""
    w = np.sort(np.exp((z - z.max()) / t))[::-1][: k or len(z)]
    cum = np.cumsum(w / w.sum())
    while np.abs(cum - top_p).min() < 1e-6:
        top_p -= 1e-3
    return top_p


def _lg(p):
    return np.log(np.asarray(p, dtype=np.float64))


def examples(level):
    if level == 1:
        return [Call((_lg([0.5, 0.3, 0.2]),), {"top_k": 2}, name="top-k"),
                Call((_lg([0.5, 0.3, 0.2]),), {"top_p": 0.6}, name="top-p keeps the crossing token"),
                Call((_lg([0.5, 0.3, 0.2]),), {"top_p": 0.4}, name="top-p below the first token"),
                Call((np.array([1.0, 2.0]),), {"temperature": 0.5}, name="temperature")]
    return [Call((_lg([0.5, 0.3, 0.2]), 0, 1.0, 1.0, 20000, 7), entry="sample", check=custom(_sampler_check),
                 name="plain sampling")]


def _level1(g):
    cases = [
        Call((_lg([0.1, 0.4, 0.2, 0.3]),), {"top_k": 2}, note="top-k keeps the two likeliest, renormalised"),
        Call((np.array([1.0, 3.0, 3.0, 0.0]),), {"top_k": 1}, note="tied logits: the lower index wins the ranking"),
        Call((_lg([0.1, 0.4, 0.2, 0.3]),), {"top_p": 0.65}, note="top-p: the token crossing 0.65 is kept"),
        Call((_lg([0.1, 0.4, 0.2, 0.3]),), {"top_p": 0.05}, note="top-p below the top token: only it remains"),
        Call((_lg([0.1, 0.4, 0.2, 0.3]),), {"top_p": 1.0}, note="top_p = 1 keeps everything"),
        Call((_lg([0.05, 0.45, 0.1, 0.4]),), {"top_k": 3, "top_p": 0.87},
             note="top-p measured on the renormalised top-k distribution"),
        Call((np.array([2.0, 1.0, 0.0, -1.0]),), {"temperature": 2.0, "top_p": 0.7}, note="temperature before top-p"),
        Call((np.array([10.0, 9.0, -5.0]),), {"temperature": 0.01}, note="temperature 0.01: logits / T near 1e3"),
        Call((np.array([3.0, 2.0, 1.0]),), {"top_k": 10}, note="top_k larger than the vocabulary"),
        Call((np.array([0.7]),), {"top_p": 0.3}, note="a one-token vocabulary"),
    ]
    for _ in range(4):
        v = int(g.integers(2, 60))
        z, k, t = g.normal(size=v) * 3, int(g.integers(0, v + 1)), float(g.choice([0.5, 1.0, 1.7]))
        cases.append(Call((z,), {"top_k": k, "top_p": _away_from_cumsums(z, k, float(g.uniform(0.3, 0.95)), t),
                                 "temperature": t}, note="random settings"))
    cases.append(Call((g.normal(size=50000) * 2,), {"top_k": 200, "top_p": 0.9, "temperature": 0.8},
                      note="a 50k-token vocabulary"))
    return cases


def _level2(g):
    chk = custom(_sampler_check)
    spec = [
        (_lg([0.5, 0.3, 0.2]), 0, 1.0, 1.0, "no filtering"),
        (_lg([0.4, 0.3, 0.2, 0.1]), 3, 1.0, 1.0, "top-k 3"),
        (_lg([0.4, 0.3, 0.2, 0.1]), 0, 0.65, 1.0, "top-p 0.65: the crossing token is drawn too"),
        (np.array([1.0, 0.5, 0.0, -0.5, -1.0]), 0, 1.0, 0.7, "temperature 0.7"),
        (np.array([1.0, 0.5, 0.0, -0.5, -1.0]), 0, 1.0, 2.5, "temperature 2.5"),
        (np.array([2.0, 1.0, 1.0, 0.0, -3.0]), 4, 0.8, 1.3, "all three knobs"),
    ]
    return [Call((z, k, p, t, 20000, int(g.integers(0, 2**31))), entry="sample", check=chk, note=note)
            for z, k, p, t, note in spec]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)
