import numpy as np

from rounds.testkit import Call, custom, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _no_leak(cut):
    """Outputs of queries at absolute positions <= cut must not react to changed keys after cut."""

    def check(actual, expected, args):
        q, k = args[0], args[1]
        lq, lk = q.shape[-2], k.shape[-2]
        rows = max(0, min(lq, cut - (lk - lq) + 1))
        if isinstance(actual, np.ndarray) and actual.shape == expected.shape and rows:
            a, e = actual[..., :rows, :], expected[..., :rows, :]
            bad = ~np.isclose(a, e, rtol=1e-8, atol=1e-10)
            if bad.any():
                i = int(np.argwhere(bad)[0][-2])
                return (f"query {i} (absolute position {lk - lq + i}) must depend only on positions "
                        f"0..{lk - lq + i}, and its output differs from attention over that prefix; in this "
                        f"test the keys and values after position {cut} were replaced, so a mask that lets it "
                        f"see later positions shows up here")
        return checker(actual, expected, args)

    return custom(check)


def examples(level):
    q, k, v = np.array([[1.0, 0.0]]), np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[1.0], [3.0]])
    if level == 1:
        return [Call((q, k, v), name="two keys"), Call((q, k, v, np.array([[False, True]])), name="masked key")]
    if level == 3:
        q2 = np.array([[1.0, 0.0], [0.0, 1.0]])
        return [Call((q2, k, v, np.array([[True, True], [False, False]])), entry="attention_with_padding",
                     name="a padded query")]
    q = k = np.array([[1.0], [1.0]])
    v = np.array([[0.0], [2.0]])
    return [Call((q, k, v), entry="causal_attention", name="two tokens"),
            Call((q[1:], k, v), entry="causal_attention", name="one new token, two cached")]


def _qkv(g, lead, lq, lk, d, dv, scale=1.0):
    return (g.normal(size=lead + (lq, d)) * scale, g.normal(size=lead + (lk, d)) * scale,
            g.normal(size=lead + (lk, dv)))


def _level1(g):
    cases = []
    q, k, v = _qkv(g, (), 5, 7, 4, 3)
    cases.append(Call((q, k, v), note="no batch axes, Lq != Lk, d != dv"))
    q, k, v = _qkv(g, (1,), 1, 1, 6, 2)
    cases.append(Call((q, k, v), note="one query, one key: output is that value"))
    q, k, v = _qkv(g, (2, 3), 4, 6, 8, 5)
    cases.append(Call((q, k, v), note="(batch, heads, L, d) with d != dv",
                      hint="scale the scores by 1 / sqrt(d), the query and key width, not the value width"))
    q, k, v = _qkv(g, (2,), 3, 3, 16, 16, scale=12.0)
    cases.append(Call((q, k, v), note="scores in the thousands",
                      hint="subtract each row's max score before exp"))
    q, k, v = _qkv(g, (3,), 5, 5, 4, 4)
    cases.append(Call((q, k, v, np.tril(np.ones((5, 5), dtype=bool))), note="causal mask broadcast over the batch"))
    q, k, v = _qkv(g, (2, 2), 3, 6, 4, 3)
    lens = np.array([2, 6])
    pad = (np.arange(6)[None, :] < lens[:, None])[:, None, None, :]
    cases.append(Call((q, k, v, pad), note="padding mask of shape (B, 1, 1, Lk)"))
    q, k, v = _qkv(g, (), 4, 4, 3, 2, scale=30.0)
    only = np.eye(4, dtype=bool)[::-1]
    cases.append(Call((q, k, v, only), note="one allowed key per row, large scores"))
    q, k, v = _qkv(g, (2,), 6, 4, 5, 3)
    rnd = g.random((2, 6, 4)) < 0.5
    rnd[..., 0] = True
    cases.append(Call((q, k, v, rnd), note="a random mask per batch element"))
    q, k, v = _qkv(g, (), 6, 6, 4, 4)
    cases.append(Call((q, k, v), {"mask": np.ones((6, 6), dtype=bool)}, note="an all-True mask is no mask"))
    for _ in range(4):
        lead = tuple(int(s) for s in g.integers(1, 4, size=g.integers(0, 3)))
        lq, lk, d, dv = (int(s) for s in g.integers(1, 9, size=4))
        cases.append(Call(_qkv(g, lead, lq, lk, d, dv, scale=float(g.choice([0.5, 2.0]))), note="random shapes"))
    cases.append(Call(_qkv(g, (4, 4), 96, 96, 32, 32), note="4 x 4 heads of 96 tokens"))
    return cases


def _level2(g):
    cases = []
    for lead, lq, lk, note in [((), 4, 4, "Lq = Lk: the lower triangle"),
                               ((2,), 1, 5, "one new token with 4 cached: sees everything"),
                               ((1, 2), 3, 7, "3 new tokens after 4 cached: the offset diagonal"),
                               ((), 1, 1, "a single token"),
                               ((3,), 6, 6, "batched, Lq = Lk")]:
        q, k, v = _qkv(g, lead, lq, lk, 4, 3)
        cases.append(Call((q, k, v), entry="causal_attention", note=note))
    for lead, lq, lk in [((2,), 8, 8), ((), 3, 9), ((2, 2), 5, 5)]:
        q, k, v = _qkv(g, lead, lq, lk, 6, 4)
        cut = int(g.integers(lk - lq, lk - 1))
        k2, v2 = k.copy(), v.copy()
        k2[..., cut + 1:, :] = g.normal(size=k2[..., cut + 1:, :].shape) * 5
        v2[..., cut + 1:, :] = g.normal(size=v2[..., cut + 1:, :].shape) * 100
        cases.append(Call((q, k2, v2), entry="causal_attention", check=_no_leak(cut),
                          expected=_causal_rows(q, k, v, k2, v2, cut),
                          note=f"keys and values after position {cut} changed"))
    cases.append(Call(_qkv(g, (2, 4), 80, 80, 32, 32), entry="causal_attention", note="2 x 4 heads of 80 tokens"))
    return cases


def _causal_rows(q, k, v, k2, v2, cut):
    """Rows that cannot see past `cut` come from the unchanged inputs, the rest from the changed ones."""
    lq, lk = q.shape[-2], k.shape[-2]

    def causal(kk, vv):
        s = q @ np.swapaxes(kk, -1, -2) / np.sqrt(q.shape[-1])
        s = np.where(np.tril(np.ones((lq, lk), dtype=bool), k=lk - lq), s, -np.inf)
        p = np.exp(s - s.max(axis=-1, keepdims=True))
        return (p / p.sum(axis=-1, keepdims=True)) @ vv

    before, after = causal(k, v), causal(k2, v2)
    rows = max(0, min(lq, cut - (lk - lq) + 1))
    out = after.copy()
    out[..., :rows, :] = before[..., :rows, :]
    return out


def _level3(g):
    cases = []

    def add(q, k, v, mask, note):
        cases.append(Call((q, k, v, mask), entry="attention_with_padding", note=note))

    q, k, v = _qkv(g, (), 2, 2, 2, 1)
    add(q, k, v, np.array([[True, True], [False, False]]), "the second query sees nothing: zeros")
    q, k, v = _qkv(g, (2,), 4, 5, 3, 2)
    q_len, k_len = np.array([2, 4]), np.array([5, 3])
    pad = (np.arange(4)[None, :, None] < q_len[:, None, None]) & (np.arange(5)[None, None, :] < k_len[:, None, None])
    add(q, k, v, pad, "query and key padding together: padded queries output zeros")
    q, k, v = _qkv(g, (), 3, 3, 4, 2)
    add(q, k, v, np.zeros((3, 3), dtype=bool), "an all-False mask: all zeros")
    q, k, v = _qkv(g, (2, 2), 3, 4, 4, 3, scale=40.0)
    m = g.random((2, 2, 3, 4)) < 0.5
    m[..., 0, :] = False
    add(q, k, v, m, "large scores with fully masked rows: no nan, no inf")
    q, k, v = _qkv(g, (3,), 5, 5, 4, 4)
    add(q, k, v, np.tril(np.ones((5, 5), dtype=bool)), "a causal mask has no empty row: level 1's answer")
    for _ in range(3):
        lead = tuple(int(s) for s in g.integers(1, 3, size=g.integers(0, 3)))
        lq, lk = int(g.integers(1, 7)), int(g.integers(1, 7))
        q, k, v = _qkv(g, lead, lq, lk, 4, 3)
        add(q, k, v, g.random(lead + (lq, lk)) < 0.4, "a random sparse mask")
    q, k, v = _qkv(g, (4, 4), 96, 96, 32, 32)
    lens = g.integers(1, 97, size=4)
    valid = np.arange(96)[None, :] < lens[:, None]
    add(q, k, v, (valid[:, None, :, None] & valid[:, None, None, :]), "4 x 4 heads of 96 tokens with padding")
    return cases


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return (_level1, _level2, _level3)[level - 1](g)
