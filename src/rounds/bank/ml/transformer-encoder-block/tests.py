"""A pre-LN encoder block against nn.TransformerEncoderLayer(norm_first=True) in float64.

The oracle loads the same weights into PyTorch's layer (dropout 0, exact GELU,
training mode so that the fused fast path is not taken) and runs it on the host.
"""

import torch
from torch import nn

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def params(g, d, f):
    r = lambda *s, scale=1.0: scale * torch.randn(*s, generator=g, dtype=torch.float64)  # noqa: E731
    return {
        "ln1_weight": 1 + r(d, scale=0.1), "ln1_bias": r(d, scale=0.1),
        "ln2_weight": 1 + r(d, scale=0.1), "ln2_bias": r(d, scale=0.1),
        "wq": r(d, d, scale=d**-0.5), "wk": r(d, d, scale=d**-0.5), "wv": r(d, d, scale=d**-0.5),
        "wo": r(d, d, scale=d**-0.5),
        "bq": r(d, scale=0.1), "bk": r(d, scale=0.1), "bv": r(d, scale=0.1), "bo": r(d, scale=0.1),
        "w1": r(f, d, scale=d**-0.5), "b1": r(f, scale=0.1), "w2": r(d, f, scale=f**-0.5), "b2": r(d, scale=0.1),
    }


def torch_layer(p, n_heads):
    d, f = p["wq"].shape[0], p["w1"].shape[0]
    layer = nn.TransformerEncoderLayer(d, n_heads, f, dropout=0.0, activation="gelu", batch_first=True,
                                       norm_first=True, dtype=torch.float64)
    with torch.no_grad():
        layer.self_attn.in_proj_weight.copy_(torch.cat([p["wq"], p["wk"], p["wv"]]))
        layer.self_attn.in_proj_bias.copy_(torch.cat([p["bq"], p["bk"], p["bv"]]))
        layer.self_attn.out_proj.weight.copy_(p["wo"])
        layer.self_attn.out_proj.bias.copy_(p["bo"])
        layer.linear1.weight.copy_(p["w1"])
        layer.linear1.bias.copy_(p["b1"])
        layer.linear2.weight.copy_(p["w2"])
        layer.linear2.bias.copy_(p["b2"])
        layer.norm1.weight.copy_(p["ln1_weight"])
        layer.norm1.bias.copy_(p["ln1_bias"])
        layer.norm2.weight.copy_(p["ln2_weight"])
        layer.norm2.bias.copy_(p["ln2_bias"])
    layer.train()  # dropout is 0; training mode keeps the fused fast path (and its padding zeros) out
    return layer


def oracle(x, p, n_heads, pad=None):
    with torch.no_grad():
        return torch_layer(p, n_heads)(x, src_key_padding_mask=pad)


def case(seed, B, T, d, f, h, note, pad_lengths=None, x_scale=1.0):
    g = torch.Generator().manual_seed(seed)
    x = x_scale * torch.randn(B, T, d, generator=g, dtype=torch.float64)
    p = params(g, d, f)
    if pad_lengths is None:
        return Call((x, p, h), expected=oracle(x, p, h), note=note)
    pad = torch.zeros(B, T, dtype=torch.bool)
    for b, n in enumerate(pad_lengths):
        if n:
            pad[b, T - n:] = True
    return Call((x, p, h, pad), expected=oracle(x, p, h, pad), note=note)


def examples(level):
    if level == 1:
        return [case(1, 1, 3, 4, 8, 2, "one sequence of 3 tokens, d = 4, two heads")]
    return [case(2, 2, 4, 4, 8, 2, "the second sequence has 2 padding tokens", pad_lengths=[0, 2])]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            case(s(), 1, 1, 4, 8, 1, "a single token"),
            case(s(), 2, 5, 8, 16, 2, "two heads, feed-forward width 16"),
            case(s(), 2, 6, 12, 24, 3, "three heads of width 4"),
            case(s(), 1, 4, 8, 32, 4, "inputs with a large offset: layer norm uses the biased variance",
                 x_scale=30.0),
        ]
        for _ in range(4):
            h = rng.choice([1, 2, 4])
            d = h * rng.choice([2, 4])
            cases.append(case(s(), rng.randint(1, 3), rng.randint(1, 8), d, rng.choice([2 * d, 4 * d]), h,
                              "random sizes"))
        return cases
    cases = [
        case(s(), 2, 5, 8, 16, 2, "no padding", pad_lengths=[0, 0]),
        case(s(), 3, 6, 8, 16, 2, "padding of different lengths: padded keys are ignored", pad_lengths=[0, 3, 5]),
        case(s(), 2, 4, 4, 8, 1, "padded positions still get an output: they attend to the real tokens",
             pad_lengths=[2, 1]),
    ]
    for _ in range(3):
        B, T = rng.randint(1, 3), rng.randint(2, 8)
        cases.append(case(s(), B, T, 8, 16, 2, "random padding", pad_lengths=[rng.randint(0, T - 1) for _ in range(B)]))
    return cases
