"""Grouped-query attention against a float64 oracle that expands K/V heads explicitly."""

import torch
import torch.nn.functional as F

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def oracle(x, Wq, Wk, Wv, Wo, H, G):
    B, T, d = x.shape
    dh = d // H
    q = (x @ Wq.T).view(B, T, H, dh).transpose(1, 2)
    k = (x @ Wk.T).view(B, T, G, dh).transpose(1, 2).repeat_interleave(H // G, dim=1)
    v = (x @ Wv.T).view(B, T, G, dh).transpose(1, 2).repeat_interleave(H // G, dim=1)
    out = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    return out.transpose(1, 2).reshape(B, T, d) @ Wo.T


def case(seed, B, T, dh, H, G, note):
    g = torch.Generator().manual_seed(seed)
    d = H * dh
    x = torch.randn(B, T, d, generator=g, dtype=torch.float64)
    Wq = torch.randn(d, d, generator=g, dtype=torch.float64) / d**0.5
    Wk = torch.randn(G * dh, d, generator=g, dtype=torch.float64) / d**0.5
    Wv = torch.randn(G * dh, d, generator=g, dtype=torch.float64) / d**0.5
    Wo = torch.randn(d, d, generator=g, dtype=torch.float64) / d**0.5
    return Call((x, Wq, Wk, Wv, Wo, H, G), expected=oracle(x, Wq, Wk, Wv, Wo, H, G), note=note)


def pool_case(seed, dh, d_in, H, G, note):
    g = torch.Generator().manual_seed(seed)
    Wk = torch.randn(H * dh, d_in, generator=g, dtype=torch.float64)
    Wv = torch.randn(H * dh, d_in, generator=g, dtype=torch.float64)
    heads = lambda W: W.view(H, dh, d_in)  # noqa: E731
    want = tuple(torch.stack([heads(W)[i * (H // G):(i + 1) * (H // G)].mean(0) for i in range(G)]).reshape(G * dh, d_in)
                 for W in (Wk, Wv))
    return Call((Wk, Wv, H, G), expected=want, entry="mha_to_gqa", note=note)


def examples(level):
    if level == 1:
        return [case(1, 1, 3, 2, 4, 2, "4 query heads sharing 2 key/value heads")]
    return [pool_case(2, 2, 8, 4, 2, "pool 4 heads into 2 groups")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            case(s(), 2, 5, 4, 4, 4, "n_kv_heads == n_heads: plain multi-head attention"),
            case(s(), 2, 5, 4, 4, 1, "n_kv_heads == 1: multi-query attention"),
            case(s(), 1, 6, 2, 8, 2, "groups of 4: heads 0-3 share kv head 0, heads 4-7 share kv head 1"),
            case(s(), 3, 4, 3, 6, 3, "head width 3: scale by 1/sqrt(3)"),
            case(s(), 1, 1, 4, 4, 2, "a single token"),
            case(s(), 2, 9, 4, 6, 2, "causal: later tokens must not leak into earlier outputs"),
        ]
        for _ in range(5):
            G = rng.choice([1, 2, 4])
            H = G * rng.choice([1, 2, 3])
            cases.append(case(s(), rng.randint(1, 3), rng.randint(1, 10), rng.choice([2, 4, 8]), H, G, "random shapes"))
        return cases
    cases = [
        pool_case(s(), 4, 16, 4, 4, "one head per group: unchanged"),
        pool_case(s(), 4, 16, 4, 1, "everything into one group"),
        pool_case(s(), 2, 12, 6, 2, "consecutive heads form a group: 0-2 and 3-5"),
        pool_case(s(), 3, 10, 8, 4, "pairs of heads"),
    ]
    for _ in range(4):
        G = rng.choice([1, 2, 4])
        H = G * rng.choice([1, 2, 3])
        cases.append(pool_case(s(), rng.choice([2, 4]), rng.randint(4, 24), H, G, "random shapes"))
    return cases
