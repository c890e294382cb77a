"""Pre-LN decoder blocks against PyTorch's layers in float64.

Level 1 (decoder-only, GPT style) is nn.TransformerEncoderLayer(norm_first=True)
with a causal mask; level 2 (encoder-decoder) is nn.TransformerDecoderLayer
(norm_first=True) with a causal target mask. Dropout 0, exact GELU, training
mode so the fused fast path is not taken.
"""

import torch
from torch import nn

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def params(g, d, f, cross):
    r = lambda *s, scale=1.0: scale * torch.randn(*s, generator=g, dtype=torch.float64)  # noqa: E731
    p = {
        "ln1_weight": 1 + r(d, scale=0.1), "ln1_bias": r(d, scale=0.1),
        "ln2_weight": 1 + r(d, scale=0.1), "ln2_bias": r(d, scale=0.1),
        "wq": r(d, d, scale=d**-0.5), "wk": r(d, d, scale=d**-0.5), "wv": r(d, d, scale=d**-0.5),
        "wo": r(d, d, scale=d**-0.5),
        "bq": r(d, scale=0.1), "bk": r(d, scale=0.1), "bv": r(d, scale=0.1), "bo": r(d, scale=0.1),
        "w1": r(f, d, scale=d**-0.5), "b1": r(f, scale=0.1), "w2": r(d, f, scale=f**-0.5), "b2": r(d, scale=0.1),
    }
    if cross:
        p.update({
            "ln3_weight": 1 + r(d, scale=0.1), "ln3_bias": r(d, scale=0.1),
            "cq": r(d, d, scale=d**-0.5), "ck": r(d, d, scale=d**-0.5), "cv": r(d, d, scale=d**-0.5),
            "co": r(d, d, scale=d**-0.5),
            "cbq": r(d, scale=0.1), "cbk": r(d, scale=0.1), "cbv": r(d, scale=0.1), "cbo": r(d, scale=0.1),
        })
    return p


def _load_attn(mha, p, w, b):
    mha.in_proj_weight.copy_(torch.cat([p[w + "q"], p[w + "k"], p[w + "v"]]))
    mha.in_proj_bias.copy_(torch.cat([p[b + "q"], p[b + "k"], p[b + "v"]]))
    mha.out_proj.weight.copy_(p[w + "o"])
    mha.out_proj.bias.copy_(p[b + "o"])


def oracle(x, p, n_heads, memory=None):
    d, f = p["wq"].shape[0], p["w1"].shape[0]
    T = x.shape[1]
    causal = nn.Transformer.generate_square_subsequent_mask(T, dtype=torch.float64)
    kw = dict(dropout=0.0, activation="gelu", batch_first=True, norm_first=True, dtype=torch.float64)
    layer = (nn.TransformerEncoderLayer if memory is None else nn.TransformerDecoderLayer)(d, n_heads, f, **kw)
    with torch.no_grad():
        _load_attn(layer.self_attn, p, "w", "b")
        if memory is not None:
            _load_attn(layer.multihead_attn, p, "c", "cb")
            layer.norm3.weight.copy_(p["ln3_weight"])
            layer.norm3.bias.copy_(p["ln3_bias"])
        layer.linear1.weight.copy_(p["w1"])
        layer.linear1.bias.copy_(p["b1"])
        layer.linear2.weight.copy_(p["w2"])
        layer.linear2.bias.copy_(p["b2"])
        layer.norm1.weight.copy_(p["ln1_weight"])
        layer.norm1.bias.copy_(p["ln1_bias"])
        layer.norm2.weight.copy_(p["ln2_weight"])
        layer.norm2.bias.copy_(p["ln2_bias"])
        layer.train()
        if memory is None:
            return layer(x, src_mask=causal, is_causal=True)
        return layer(x, memory, tgt_mask=causal, tgt_is_causal=True)


def case(seed, B, T, d, f, h, note, S=None):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, d, generator=g, dtype=torch.float64)
    p = params(g, d, f, S is not None)
    if S is None:
        return Call((x, p, h), expected=oracle(x, p, h), note=note)
    mem = 2.0 * torch.randn(B, S, d, generator=g, dtype=torch.float64)
    return Call((x, p, h, mem), expected=oracle(x, p, h, mem), note=note)


def examples(level):
    if level == 1:
        return [case(1, 1, 3, 4, 8, 2, "one sequence of 3 tokens, d = 4, two heads")]
    return [case(2, 1, 3, 4, 8, 2, "3 decoder tokens attending to 5 encoder outputs", S=5)]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            case(s(), 1, 1, 4, 8, 1, "a single token attends only to itself"),
            case(s(), 2, 6, 8, 16, 2, "causal: no token sees a later one"),
            case(s(), 2, 5, 12, 24, 3, "three heads of width 4"),
            case(s(), 1, 8, 8, 32, 4, "four heads, eight tokens"),
        ]
        for _ in range(4):
            h = rng.choice([1, 2, 4])
            d = h * rng.choice([2, 4])
            cases.append(case(s(), rng.randint(1, 3), rng.randint(1, 8), d, rng.choice([2 * d, 4 * d]), h,
                              "random sizes"))
        return cases
    cases = [
        case(s(), 2, 4, 8, 16, 2, "memory as long as the target: cross-attention is not causal", S=4),
        case(s(), 2, 3, 8, 16, 2, "memory longer than the target", S=7),
        case(s(), 1, 6, 8, 16, 2, "memory shorter than the target", S=2),
        case(s(), 2, 5, 8, 16, 1, "one head", S=5),
    ]
    for _ in range(3):
        h = rng.choice([1, 2, 4])
        d = h * 4
        cases.append(case(s(), rng.randint(1, 3), rng.randint(1, 7), d, 2 * d, h, "random sizes", S=rng.randint(1, 8)))
    return cases
