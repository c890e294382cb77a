import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _w(g, d_in, d_out):
    return g.normal(size=(d_in, d_out)) / np.sqrt(d_in)


def _mha(g, b, lq, lk, d, h, mask=None, scale=1.0, self_attn=False):
    xq = g.normal(size=(b, lq, d)) * scale
    xkv = xq if self_attn else g.normal(size=(b, lk, d)) * scale
    args = (xq, xkv, _w(g, d, d), _w(g, d, d), _w(g, d, d), _w(g, d, d), h)
    return args + ((mask,) if mask is not None else ())


def examples(level):
    if level == 1:
        x, i = np.array([[[1.0, 0.0], [0.0, 1.0]]]), np.eye(2)
        return [Call((x, x, i, i, i, i, 2), name="two heads, identity weights")]
    g = np.random.default_rng(7)
    x = g.normal(size=(1, 3, 4))
    return [Call((x, _w(g, 4, 4), _w(g, 4, 2), _w(g, 4, 2), _w(g, 4, 4), 2, 1), entry="grouped_query_attention",
                 name="two query heads sharing one kv head")]


def _level1(g):
    cases = [
        Call(_mha(g, 1, 3, 3, 4, 1, self_attn=True), note="one head: plain attention with projections"),
        Call(_mha(g, 2, 4, 6, 8, 2), note="two heads, cross-attention Lq != Lk"),
        Call(_mha(g, 1, 5, 5, 12, 4, self_attn=True), note="four heads of width 3",
             hint="scale by the square root of the head width (3), not of the model width (12)"),
        Call(_mha(g, 3, 2, 7, 6, 6), note="as many heads as features (width 1)"),
        Call(_mha(g, 2, 5, 5, 8, 4, mask=np.tril(np.ones((5, 5), dtype=bool)), self_attn=True),
             note="causal mask broadcast over batch and heads"),
    ]
    lens = np.array([3, 7])
    pad = (np.arange(7)[None, :] < lens[:, None])[:, None, None, :]
    cases.append(Call(_mha(g, 2, 4, 7, 8, 2, mask=pad), note="padding mask (B, 1, 1, Lk)"))
    hm = g.random((1, 3, 4, 4)) < 0.5
    hm[..., 0] = True
    cases.append(Call(_mha(g, 1, 4, 4, 6, 3, mask=hm), note="a different mask per head"))
    cases.append(Call(_mha(g, 2, 3, 3, 8, 2, scale=6.0), note="large activations"))
    for _ in range(4):
        h = int(g.choice([1, 2, 3, 4]))
        d = h * int(g.integers(1, 5))
        cases.append(Call(_mha(g, int(g.integers(1, 4)), int(g.integers(1, 7)), int(g.integers(1, 7)), d, h),
                          note="random sizes"))
    cases.append(Call(_mha(g, 4, 64, 64, 128, 8, self_attn=True), note="4 x 64 tokens, width 128, 8 heads"))
    return cases


def _gqa(g, b, n, d, h, kv):
    dh = d // h
    return (g.normal(size=(b, n, d)), _w(g, d, d), _w(g, d, kv * dh), _w(g, d, kv * dh), _w(g, d, d), h, kv)


def _level2(g):
    spec = [
        ((1, 4, 8, 4, 2), "4 query heads, 2 kv heads"),
        ((2, 5, 8, 4, 4), "kv heads = query heads: causal multi-head attention"),
        ((2, 6, 12, 6, 1), "one kv head: multi-query attention"),
        ((1, 1, 6, 3, 1), "a single token"),
        ((3, 7, 24, 6, 3), "6 query heads in 3 groups of 2"),
        ((1, 5, 16, 8, 2), "8 query heads in 2 groups of 4"),
        ((2, 48, 64, 8, 2), "48 tokens, width 64, 8 query heads, 2 kv heads"),
    ]
    return [Call(_gqa(g, *s), entry="grouped_query_attention", note=note) for s, note in spec]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)
