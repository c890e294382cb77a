import numpy as np

from rounds.testkit import Call


def examples(level):
    return [Call((np.zeros((1, 3)),))]


def hidden(level, rng):
    g = np.random.default_rng(rng.getrandbits(32))
    return [Call((g.normal(size=(rng.randint(1, 8), rng.randint(2, 64))) * 10,)) for _ in range(20)]
