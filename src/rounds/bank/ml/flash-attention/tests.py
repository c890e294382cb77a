import numpy as np

from rounds.testkit import Call, custom, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were
BUDGET_FRACTION = 2  # the peak may use at most half the bytes of the full score matrix


def _dense(q, k, v, causal=False):
    """The float64 oracle: the plain O(L^2)-memory formula, on the host."""
    s = q @ k.T / np.sqrt(q.shape[1])
    if causal:
        s = np.where(np.tril(np.ones(s.shape, dtype=bool)), s, -np.inf)
    p = np.exp(s - s.max(axis=1, keepdims=True))
    return (p / p.sum(axis=1, keepdims=True)) @ v


def probe_check(case, probes):
    peak = probes.get("peak_bytes")
    lq, lk = case.args[0].shape[0], case.args[1].shape[0]
    full = lq * lk * 8
    if peak is not None and peak > full // BUDGET_FRACTION:
        return (f"peak allocation {peak / 2**20:.1f} MB while the full {lq} x {lk} float64 score matrix is "
                f"{full / 2**20:.0f} MB; the budget is {full / BUDGET_FRACTION / 2**20:.0f} MB: tile over keys (and "
                "queries) with an online softmax instead of materialising the scores")
    return None


def _no_leak(cut):
    def check(actual, expected, args):
        if isinstance(actual, np.ndarray) and actual.shape == expected.shape:
            bad = ~np.isclose(actual[:cut + 1], expected[:cut + 1], rtol=1e-8, atol=1e-10)
            if bad.any():
                i = int(np.argwhere(bad)[0][0])
                return (f"query {i} must depend only on keys 0..{i}, and its output differs from causal attention "
                        f"over that prefix; in this test every key and value after position {cut} was replaced, so a "
                        "mask that lets it see later positions shows up here")
        return checker(actual, expected, args)

    return custom(check)


def _qkv(g, lq, lk, d, dv, scale=1.0):
    return g.normal(size=(lq, d)) * scale, g.normal(size=(lk, d)) * scale, g.normal(size=(lk, dv))


def examples(level):
    g = np.random.default_rng(1)
    q, k, v = _qkv(g, 3, 5, 4, 2)
    if level == 1:
        return [Call((q, k, v), expected=_dense(q, k, v), name="3 queries, 5 keys")]
    q, k, v = _qkv(g, 4, 4, 4, 2)
    return [Call((q, k, v), expected=_dense(q, k, v, True), entry="flash_attention_causal", name="4 tokens")]


def _c(args, causal, note, **kw):
    entry = "flash_attention_causal" if causal else "flash_attention"
    return Call(args, expected=_dense(*args, causal=causal), entry=entry, note=note, **kw)


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    causal = level == 2
    cases = []
    shapes = [(1, 1, 4, 4, 1.0, "one query, one key"),
              (7, 300, 16, 8, 1.0, "300 keys: more than one key block of any size below 300"),
              (300, 300, 8, 8, 1.0, "300 tokens: blocks that do not divide the length"),
              (130, 257, 32, 16, 8.0, "scores in the hundreds: the running max must rescale"),
              (64, 64, 64, 64, 1.0, "d = 64"),
              (5, 700, 4, 3, 20.0, "the maximum arrives late in the key sequence")]
    for lq, lk, d, dv, scale, note in shapes:
        if causal:
            lk = lq
        q, k, v = _qkv(g, lq, lk, d, dv, scale)
        if "late" in note:
            k[-1] = q.mean(axis=0) * 50  # one key far above the others, seen last
        cases.append(_c((q, k, v), causal, note))
    if causal:
        for n in (9, 300):
            q, k, v = _qkv(g, n, n, 8, 8)
            cut = int(g.integers(0, n - 1))
            k2, v2 = k.copy(), v.copy()
            k2[cut + 1:] = g.normal(size=k2[cut + 1:].shape) * 5
            v2[cut + 1:] = g.normal(size=v2[cut + 1:].shape) * 100
            want = _dense(q, k2, v2, causal=True)
            want[:cut + 1] = _dense(q, k, v, causal=True)[:cut + 1]
            cases.append(Call((q, k2, v2), expected=want, entry="flash_attention_causal", check=_no_leak(cut),
                              note=f"keys and values after position {cut} changed"))
    q, k, v = _qkv(g, 1024, 1024, 32, 32)
    cases.append(_c((q, k, v), causal, "memory: the 1024 x 1024 scores must not be materialised", probes=("memory",)))
    return cases
