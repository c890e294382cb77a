"""DCN-V2 cross layers against a float64 oracle written with explicit matrices."""

import torch

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-9, dtype="float64")


def _t(g, *shape, scale=1.0):
    return scale * torch.randn(*shape, generator=g, dtype=torch.float64)


def layer_case(seed, B, d, note, same=False):
    g = torch.Generator().manual_seed(seed)
    x0 = _t(g, B, d)
    xl = x0.clone() if same else _t(g, B, d)
    W, b = _t(g, d, d, scale=d**-0.5), _t(g, d)
    want = x0 * torch.nn.functional.linear(xl, W, b) + xl
    return Call((x0, xl, W, b), expected=want, note=note)


def net_case(seed, B, d, L, note):
    g = torch.Generator().manual_seed(seed)
    x0 = _t(g, B, d)
    Ws = [_t(g, d, d, scale=0.5 * d**-0.5) for _ in range(L)]
    bs = [_t(g, d, scale=0.1) for _ in range(L)]
    x = x0
    for W, b in zip(Ws, bs, strict=True):
        x = x0 * torch.nn.functional.linear(x, W, b) + x
    return Call((x0, Ws, bs), expected=x, entry="cross_network", note=note)


def low_rank_case(seed, B, d, r, note):
    g = torch.Generator().manual_seed(seed)
    x0, xl = _t(g, B, d), _t(g, B, d)
    U, V, b = _t(g, d, r, scale=d**-0.5), _t(g, d, r, scale=d**-0.5), _t(g, d)
    want = x0 * torch.nn.functional.linear(xl, U @ V.T, b) + xl
    return Call((x0, xl, U, V, b), expected=want, entry="low_rank_cross_layer", note=note)


def examples(level):
    if level == 1:
        return [layer_case(1, 2, 3, "a batch of 2, d = 3")]
    if level == 2:
        return [net_case(2, 2, 3, 2, "two layers")]
    return [low_rank_case(3, 2, 4, 2, "d = 4, rank 2")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            layer_case(s(), 1, 1, "d = 1"),
            layer_case(s(), 4, 6, "the first layer: xl is x0", same=True),
            layer_case(s(), 4, 6, "xl differs from x0: the product uses x0, the residual uses xl"),
            layer_case(s(), 3, 5, "W applied as xl @ W.T (row vectors)"),
        ]
        for _ in range(4):
            cases.append(layer_case(s(), rng.randint(1, 16), rng.randint(2, 32), "random shapes"))
        return cases
    if level == 2:
        cases = [
            net_case(s(), 3, 4, 1, "one layer"),
            net_case(s(), 3, 4, 3, "three layers: every layer multiplies by the original x0"),
            net_case(s(), 2, 8, 5, "five layers"),
        ]
        for _ in range(4):
            cases.append(net_case(s(), rng.randint(1, 16), rng.randint(2, 24), rng.randint(1, 4), "random network"))
        return cases
    cases = [
        low_rank_case(s(), 3, 6, 1, "rank 1"),
        low_rank_case(s(), 3, 8, 3, "rank 3: W = U V^T, so xl is multiplied by V first"),
        low_rank_case(s(), 2, 5, 5, "full rank"),
    ]
    for _ in range(4):
        d = rng.randint(4, 32)
        cases.append(low_rank_case(s(), rng.randint(1, 16), d, rng.randint(1, min(8, d)), "random shapes"))
    return cases
