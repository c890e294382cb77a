"""Self-attention against a float64 torch oracle, plus a leakage probe.

The oracle is ``scaled_dot_product_attention`` on the host. Leakage cases run
two copies of one sequence in a batch, the second with its tail perturbed: no
output row before the perturbation may change.
"""

import torch
import torch.nn.functional as F

from rounds.testkit import Call, custom, floats

checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _w(g, d):
    return tuple(torch.randn(d, d, generator=g, dtype=torch.float64) / d**0.5 for _ in range(4))


def oracle(x, Wq, Wk, Wv, Wo, n_heads, causal, pad=None):
    B, T, d = x.shape
    dh = d // n_heads
    q, k, v = [(x @ W.T).view(B, T, n_heads, dh).transpose(1, 2) for W in (Wq, Wk, Wv)]
    allowed = torch.ones(B, 1, T, T, dtype=torch.bool)
    if causal:
        allowed &= torch.ones(T, T, dtype=torch.bool).tril()
    if pad is not None:
        allowed &= ~pad[:, None, None, :]
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=allowed)
    y = out.transpose(1, 2).reshape(B, T, d) @ Wo.T
    if pad is not None:
        y = torch.where(pad[:, :, None], torch.zeros_like(y), y)
    return y


def _leak_check(cut):
    def check(actual, expected, args):
        if torch.is_tensor(actual) and actual.shape == expected.shape:
            a0, a1 = actual[0, :cut], actual[1, :cut]
            diff = (a0 - a1).abs()
            if not torch.isfinite(diff).all() or diff.max() > 1e-12:
                t = int(torch.nonzero(~(diff <= 1e-12))[0, 0])
                return (f"output at position {t} changed when only tokens {cut}.. changed: "
                        f"information leaks from future tokens")
        return checker(actual, expected, args)

    return custom(check)


def case(seed, B, T, d, h, causal, note, entry, pad_lengths=None, left=True):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, d, generator=g, dtype=torch.float64)
    W = _w(g, d)
    if pad_lengths is None:
        return Call((x, *W, h), expected=oracle(x, *W, h, causal), entry=entry, note=note)
    pad = torch.zeros(B, T, dtype=torch.bool)
    for b, n in enumerate(pad_lengths):
        if n:
            if left:
                pad[b, :n] = True
            else:
                pad[b, T - n:] = True
    return Call((x, *W, h, pad), expected=oracle(x, *W, h, causal, pad), entry=entry, note=note)


def leak_case(seed, T, d, h, cut, note):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(1, T, d, generator=g, dtype=torch.float64).repeat(2, 1, 1)
    x[1, cut:] += 3.0 * torch.randn(T - cut, d, generator=g, dtype=torch.float64)
    W = _w(g, d)
    return Call((x, *W, h), expected=oracle(x, *W, h, True), entry="causal_self_attention",
                check=_leak_check(cut), note=note)


def examples(level):
    if level == 1:
        return [case(1, 1, 3, 4, 2, False, "one sequence of 3 tokens, d = 4, two heads", "self_attention")]
    if level == 2:
        return [case(2, 1, 3, 4, 2, True, "causal: token 0 sees only itself", "causal_self_attention")]
    return [case(3, 2, 4, 4, 2, True, "second sequence left-padded by 2", "causal_self_attention",
                 pad_lengths=[0, 2])]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            case(s(), 1, 1, 4, 1, False, "a single token attends to itself", "self_attention"),
            case(s(), 2, 5, 8, 1, False, "one head", "self_attention"),
            case(s(), 2, 6, 16, 4, False, "four heads: each reads its own slice of the features", "self_attention"),
            case(s(), 3, 7, 12, 3, False, "head width 4: the scale is 1/sqrt(head width)", "self_attention"),
        ]
        for _ in range(4):
            h = rng.choice([1, 2, 4])
            cases.append(case(s(), rng.randint(1, 4), rng.randint(1, 12), h * rng.choice([2, 4, 8]), h, False,
                              "random shapes", "self_attention"))
        return cases
    if level == 2:
        cases = [
            case(s(), 1, 1, 4, 1, True, "a single token", "causal_self_attention"),
            leak_case(s(), 8, 8, 2, 4, "perturb tokens 4..7: outputs 0..3 must not change"),
            case(s(), 2, 6, 8, 2, True, "causal, two heads", "causal_self_attention"),
            leak_case(s(), 10, 16, 4, 1, "perturb tokens 1..9: output 0 must not change"),
            leak_case(s(), 6, 12, 3, 5, "perturb the last token only"),
        ]
        for _ in range(4):
            h = rng.choice([1, 2, 4])
            cases.append(case(s(), rng.randint(1, 4), rng.randint(2, 12), h * rng.choice([2, 4, 8]), h, True,
                              "random shapes", "causal_self_attention"))
        return cases
    cases = [
        case(s(), 2, 5, 8, 2, True, "no padding at all", "causal_self_attention", pad_lengths=[0, 0]),
        case(s(), 3, 6, 8, 2, True, "left padding of different lengths: padded rows are zeros",
             "causal_self_attention", pad_lengths=[0, 2, 5]),
        case(s(), 2, 6, 8, 2, True, "right padding: real tokens never attend to the padding after them "
             "anyway, padded rows are still zeros", "causal_self_attention", pad_lengths=[3, 1], left=False),
        case(s(), 2, 4, 4, 1, True, "a sequence that is all padding", "causal_self_attention", pad_lengths=[4, 1]),
    ]
    for _ in range(4):
        h = rng.choice([1, 2, 4])
        B, T = rng.randint(1, 4), rng.randint(2, 12)
        cases.append(case(s(), B, T, h * 4, h, True, "random left padding", "causal_self_attention",
                          pad_lengths=[rng.randint(0, T - 1) for _ in range(B)]))
    return cases
