import torch

from rounds.testkit import Call


def examples(level):
    return [Call((torch.ones(2, 4, dtype=torch.float64), torch.ones(4, dtype=torch.float64), 1e-6))]


def hidden(level, rng):
    g = torch.Generator().manual_seed(rng.getrandbits(32))
    cases = []
    for _ in range(20):
        d = rng.randint(2, 64)
        x = torch.randn(rng.randint(1, 8), d, generator=g, dtype=torch.float64)
        w = torch.randn(d, generator=g, dtype=torch.float64)
        cases.append(Call((x, w, 1e-6)))
    return cases
