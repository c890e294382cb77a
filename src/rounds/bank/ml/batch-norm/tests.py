import numpy as np

from rounds.testkit import Call, floats

checker = floats(atol=1e-9, rtol=1e-7, dtype="float64")
inputs_unchanged = True  # the contract: the call leaves its arguments as they were


def _params(g, c):
    return g.normal(size=c), g.normal(size=c), g.normal(size=c), g.uniform(0.2, 3.0, size=c)


def examples(level):
    one = (np.ones(1), np.zeros(1))
    if level == 1:
        return [Call((np.array([[1.0], [3.0]]), *one, np.zeros(1), np.ones(1)), name="two values, one channel")]
    return [Call((np.array([[1.0], [3.0]]), *one, np.array([1.0]), np.array([4.0])), entry="batch_norm_eval",
                 name="running statistics only")]


def _shapes(g, level):
    """(shape, note): the note says what the case tests at this level (training or eval mode)."""
    fixed = [
        ((2, 3), "two rows: unbiased factor m/(m-1) = 2",
         "two rows, three channels: the running statistics, not the batch's"),
        ((5, 1), "one channel", "one channel"),
        ((4, 4), "a square matrix: channels are columns", "a square matrix: channels are columns"),
        ((2, 3, 4, 5), "(N, C, H, W): statistics over batch and space",
         "(N, C, H, W): each channel's running statistics broadcast over batch and space"),
        ((1, 3, 2, 2), "a batch of one image: statistics over space only",
         "a batch of one image: eval mode does not need a batch"),
        ((3, 2, 7), "(N, C, L) sequences", "(N, C, L) sequences"),
    ]
    out = [(shape, train if level == 1 else ev) for shape, train, ev in fixed]
    for _ in range(4):
        nd = int(g.integers(2, 5))
        shape = (int(g.integers(2, 6)),) + tuple(int(s) for s in g.integers(1, 5, size=nd - 1))
        out.append((shape, "random shape"))
    out.append(((32, 16, 14, 14), "a 32 x 16 x 14 x 14 activation"))
    return out


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = []
    for shape, note in _shapes(g, level):
        x = g.normal(size=shape) * float(g.choice([0.5, 3.0])) + float(g.normal() * 2)
        gamma, beta, rm, rv = _params(g, shape[1])
        if level == 1:
            cases.append(Call((x, gamma, beta, rm, rv), note=note))
        else:
            cases.append(Call((x, gamma, beta, rm, rv), entry="batch_norm_eval", note=note))
    g2 = np.random.default_rng(rng.randrange(2**32))
    gamma, beta, rm, rv = _params(g2, 3)
    small = g2.normal(size=(6, 3)) * 3e-3
    if level == 1:
        cases.append(Call((small, gamma, beta, rm, rv), {"momentum": 0.3, "eps": 1e-4},
                          note="variance near eps; momentum 0.3"))
        cases.append(Call((g2.normal(size=(3, 2)), gamma[:2], beta[:2], rm[:2], rv[:2]), {"momentum": 1.0},
                          note="momentum 1: running stats become the batch stats"))
    else:
        cases.append(Call((g2.normal(size=(1, 3)), gamma, beta, rm, rv), entry="batch_norm_eval",
                          note="a batch of one row: batch statistics are undefined"))
        cases.append(Call((small, gamma, beta, rm, np.full(3, 1e-5)), {"eps": 1e-4}, entry="batch_norm_eval",
                          note="running variance below eps"))
    return cases
