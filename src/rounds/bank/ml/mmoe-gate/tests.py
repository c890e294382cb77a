"""MMoE forward, top-k gating and the load-balancing loss against a float64 oracle written with loops."""

import torch

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-9, dtype="float64")


def _params(g, B, d, E, h, T):
    x = torch.randn(B, d, generator=g, dtype=torch.float64)
    eW = torch.randn(E, h, d, generator=g, dtype=torch.float64) / d**0.5
    eb = 0.1 * torch.randn(E, h, generator=g, dtype=torch.float64)
    gW = torch.randn(T, E, d, generator=g, dtype=torch.float64) / d**0.5
    gb = 0.1 * torch.randn(T, E, generator=g, dtype=torch.float64)
    return x, eW, eb, gW, gb


def oracle(x, eW, eb, gW, gb, top_k=None):
    E, T = eW.shape[0], gW.shape[0]
    experts = [torch.relu(torch.nn.functional.linear(x, eW[e], eb[e])) for e in range(E)]
    outs = []
    for t in range(T):
        logit = torch.nn.functional.linear(x, gW[t], gb[t])  # (B, E)
        if top_k is not None:
            keep = torch.zeros_like(logit, dtype=torch.bool)
            keep.scatter_(1, logit.topk(min(top_k, E), dim=1).indices, True)
            logit = torch.where(keep, logit, torch.full_like(logit, float("-inf")))
        w = torch.softmax(logit, dim=1)
        outs.append(sum(w[:, e:e + 1] * experts[e] for e in range(E)))
    return torch.stack(outs)


def oracle_balance(x, gW, gb):
    T, E = gW.shape[0], gW.shape[1]
    out = []
    for t in range(T):
        logit = torch.nn.functional.linear(x, gW[t], gb[t])
        p = torch.softmax(logit, dim=1)
        f = torch.bincount(logit.argmax(1), minlength=E).double() / len(x)
        out.append(E * (f * p.mean(0)).sum())
    return torch.stack(out)


def case(seed, B, d, E, h, T, note, top_k=None):
    g = torch.Generator().manual_seed(seed)
    ps = _params(g, B, d, E, h, T)
    if top_k is None:
        return Call(ps, expected=oracle(*ps), note=note)
    return Call((*ps, top_k), expected=oracle(*ps, top_k), note=note)


def balance_case(seed, B, d, E, T, note, skew=0.0):
    g = torch.Generator().manual_seed(seed)
    x, _, _, gW, gb = _params(g, B, d, E, 2, T)
    gb = gb.clone()
    gb[:, 0] += skew
    return Call((x, gW, gb), expected=oracle_balance(x, gW, gb), entry="load_balance_loss", note=note)


def examples(level):
    if level == 1:
        return [case(1, 2, 3, 2, 2, 2, "2 tasks, 2 experts")]
    if level == 2:
        return [case(2, 2, 3, 4, 2, 2, "top-2 of 4 experts", top_k=2)]
    return [balance_case(3, 8, 4, 4, 2, "2 tasks, 4 experts")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            case(s(), 3, 4, 1, 3, 1, "one expert, one task: the gate weight is 1"),
            case(s(), 4, 6, 3, 5, 2, "each task has its own gate"),
            case(s(), 5, 8, 4, 4, 3, "three tasks, four experts"),
            case(s(), 1, 4, 2, 2, 2, "a batch of one"),
        ]
        for _ in range(4):
            cases.append(case(s(), rng.randint(1, 16), rng.randint(2, 16), rng.randint(1, 6), rng.randint(1, 8),
                              rng.randint(1, 3), "random sizes"))
        return cases
    if level == 2:
        cases = [
            case(s(), 4, 6, 4, 3, 2, "top-1: each row uses a single expert", top_k=1),
            case(s(), 4, 6, 4, 3, 2, "top-2: softmax over the two kept logits only", top_k=2),
            case(s(), 4, 6, 3, 3, 2, "top_k equal to the number of experts: dense", top_k=3),
            case(s(), 4, 6, 3, 3, 2, "top_k None: dense as in level 1"),
        ]
        for _ in range(3):
            E = rng.randint(2, 6)
            cases.append(case(s(), rng.randint(1, 16), rng.randint(2, 12), E, rng.randint(1, 6), rng.randint(1, 3),
                              "random top-k", top_k=rng.randint(1, E)))
        return cases
    cases = [
        balance_case(s(), 16, 6, 4, 1, "one task"),
        balance_case(s(), 32, 6, 4, 2, "a gate that prefers expert 0: the loss grows", skew=3.0),
        balance_case(s(), 1, 6, 3, 2, "a batch of one"),
        balance_case(s(), 20, 8, 1, 2, "a single expert: the loss is 1"),
    ]
    for _ in range(3):
        cases.append(balance_case(s(), rng.randint(2, 32), rng.randint(2, 12), rng.randint(2, 8), rng.randint(1, 3),
                                  "random gates"))
    return cases
