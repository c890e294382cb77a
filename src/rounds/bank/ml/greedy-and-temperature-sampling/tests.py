"""Greedy decoding exactly, temperature sampling statistically.

For sampling the judge computes the target distribution softmax(logits / T) in
float64 and checks every token's count against it: within five binomial
standard deviations (plus one), and exactly zero for tokens of probability 0.
"""

import math

import torch

from rounds.testkit import Call, custom, exact


def _check_greedy(actual, expected, args):
    if not torch.is_tensor(actual):
        return f"returned {type(actual).__name__}, expected a torch.Tensor"
    if actual.dtype != torch.int64 or tuple(actual.shape) != tuple(expected.shape):
        return f"returned {actual.dtype} of shape {tuple(actual.shape)}, expected int64 of shape {tuple(expected.shape)}"
    bad = torch.nonzero(actual != expected)
    if len(bad):
        b = int(bad[0, 0])
        return f"row {b}: returned token {int(actual[b])}, expected the (first) largest logit"
    return None


def _check_sample(actual, expected, args):
    logits, temperature, n, seed = args
    B, V = logits.shape
    if not torch.is_tensor(actual):
        return f"returned {type(actual).__name__}, expected a torch.Tensor"
    if actual.dtype != torch.int64 or tuple(actual.shape) != (B, n):
        return f"returned {actual.dtype} of shape {tuple(actual.shape)}, expected int64 of shape {(B, n)}"
    if (actual < 0).any() or (actual >= V).any():
        return f"returned token ids outside 0 .. {V - 1}"
    if temperature == 0:
        want = torch.argmax(logits, dim=-1)
        if not bool((actual == want[:, None]).all()):
            return "temperature 0 means greedy: every draw must be the argmax token"
        return None
    z = logits / temperature
    probs = torch.softmax(z - z.max(dim=-1, keepdim=True).values, dim=-1)
    for b in range(B):
        counts = torch.bincount(actual[b], minlength=V).double()
        for k in range(V):
            pk = probs[b, k].item()
            if pk == 0.0:
                if counts[k] > 0:
                    return f"row {b}: token {k} has probability 0 (logit -inf) but was drawn {int(counts[k])} times"
                continue
            mean = n * pk
            sd = math.sqrt(n * pk * (1 - pk))
            if abs(counts[k].item() - mean) > 5 * sd + 1:
                return (f"row {b}: token {k} was drawn {int(counts[k])} times in {n}, expected about {mean:.0f} "
                        f"(p = {pk:.4f} at temperature {temperature})")
    return None


def greedy_case(logits, note):
    return Call((logits,), entry="greedy", check=custom(_check_greedy), note=note)


def sample_case(seed, B, V, temperature, n, note, scale=2.0, banned=0):
    g = torch.Generator().manual_seed(seed)
    logits = scale * torch.randn(B, V, generator=g, dtype=torch.float64)
    for b in range(B):
        if banned:
            idx = torch.randperm(V, generator=g)[:banned]
            logits[b, idx] = -math.inf
    return Call((logits, temperature, n, seed % 100000), entry="sample", check=custom(_check_sample), note=note)


def examples(level):
    if level == 1:
        return [greedy_case(torch.tensor([[0.1, 2.0, -1.0], [3.0, 3.0, 1.0]], dtype=torch.float64),
                            "two rows; the second has a tie")]
    return [sample_case(1, 1, 4, 1.0, 20000, "four tokens at temperature 1")]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        g = torch.Generator().manual_seed(s())
        big = torch.randn(64, 1000, generator=g, dtype=torch.float64)
        cases = [
            greedy_case(torch.tensor([[1.0, 5.0, 5.0, 2.0]], dtype=torch.float64), "a tie: the lowest index wins"),
            greedy_case(torch.tensor([[-3.0, -1.0, -2.0]], dtype=torch.float64), "all logits negative"),
            greedy_case(torch.tensor([[-math.inf, 0.5, -math.inf]], dtype=torch.float64), "masked tokens"),
            greedy_case(torch.tensor([[7.0]], dtype=torch.float64), "a vocabulary of one"),
            greedy_case(big, "64 rows over a vocabulary of 1000"),
        ]
        return cases
    cases = [
        sample_case(s(), 2, 6, 1.0, 20000, "temperature 1: the model's own distribution"),
        sample_case(s(), 2, 6, 0.5, 20000, "temperature 0.5: sharper, logits divided by T"),
        sample_case(s(), 2, 6, 2.0, 20000, "temperature 2: flatter"),
        sample_case(s(), 3, 5, 0.0, 50, "temperature 0: greedy"),
        Call((torch.tensor([[1.0, 3.0, 3.0, 0.5], [2.0, 2.0, 2.0, -1.0], [-math.inf, 5.0, 4.0, 5.0]],
                           dtype=torch.float64), 0.0, 200, s() % 100000),
             entry="sample", check=custom(_check_sample),
             note="temperature 0 with tied largest logits: every draw is the first of them"),
        sample_case(s(), 2, 10, 1.0, 20000, "masked tokens (logit -inf) are never drawn", banned=4),
        sample_case(s(), 1, 8, 0.7, 20000, "large logits: subtract the max before exponentiating", scale=400.0),
        sample_case(s(), 1, 3, 1.0, 5, "only five draws"),
    ]
    cases.append(sample_case(s(), 1, 2, 1.0, 30, "n larger than the vocabulary: draws are with replacement"))
    for _ in range(2):
        cases.append(sample_case(s(), rng.randint(1, 3), rng.randint(3, 12), rng.choice([0.3, 0.8, 1.5]), 20000,
                                 "random logits and temperature"))
    return cases
