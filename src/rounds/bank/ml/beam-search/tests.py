import numpy as np

from rounds.testkit import Call, custom


def _check(actual, expected, args):
    if not isinstance(actual, tuple | list) or len(actual) != 2:
        return "return the pair (tokens, score)"
    toks, score = actual
    try:
        toks = [int(t) for t in toks]
        score = float(score)
    except (TypeError, ValueError):
        return "tokens must be a list of ints and the score a float"
    want_toks, want_score = expected
    if toks != want_toks:
        return f"returned the sequence {toks[:12]}{'...' if len(toks) > 12 else ''}, which is not the best hypothesis"
    if not abs(score - want_score) <= 1e-9 * max(1.0, abs(want_score)):
        return f"the sequence is right but its score {score:.10g} is off"
    return None


checker = custom(_check)


def _table(g, v, sharp=1.0, eos=None, eos_bias=0.0):
    z = g.normal(size=(v, v)) * sharp
    if eos is not None:
        z[:, eos] += eos_bias
    z -= z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def _ex_table():
    with np.errstate(divide="ignore"):
        return np.log(np.array([[0.0, 0.6, 0.4], [0.0, 0.1, 0.9], [0.0, 0.5, 0.5]]))


def examples(level):
    lp = _ex_table()
    if level == 1:
        return [Call((lp, 0, 2, 1, 5), name="greedy"), Call((lp, 0, 2, 2, 5), name="beam of 2"),
                Call((lp, 0, 2, 2, 1), name="max_len 1")]
    return [Call((lp, 0, 2, 2, 5), {"length_alpha": 1.0}, name="length-normalised")]


def _trap_greedy():
    # greedy takes 1 (0.6) then is stuck with 0.5; the beam finds 2 (0.4) then 0.99
    p = np.full((4, 4), 1e-9)
    p[0] = [0.0, 0.6, 0.4, 0.0]
    p[1] = [0.0, 0.0, 0.0, 0.5]
    p[1, 1] = 0.5
    p[2] = [0.0, 0.0, 0.0, 0.99]
    p[2, 2] = 0.01
    p[3] = [0.25, 0.25, 0.25, 0.25]
    with np.errstate(divide="ignore"):
        return np.log(p / p.sum(axis=1, keepdims=True))


def _early_eos():
    # eos (token 1) right away: log 0.5 over one token; via token 2: log 0.35 over two tokens
    p = np.array([[0.0, 0.5, 0.5], [0.2, 0.4, 0.4], [0.0, 0.7, 0.3]])
    with np.errstate(divide="ignore"):
        return np.log(p)


def _pruning_trap():
    # pruning on normalised scores keeps a different hypothesis alive than pruning on raw sums
    c = np.array([[1.0, 5, 1, 7], [9, 9, 9, 8], [3, 8, 3, 1], [7, 9, 8, 6]])
    return np.log(c / c.sum(axis=1, keepdims=True))


def _level1(g):
    cases = [
        Call((_trap_greedy(), 0, 3, 2, 4), note="greedy is trapped; a beam of 2 escapes"),
        Call((_trap_greedy(), 0, 3, 1, 4), note="beam width 1 is greedy"),
        Call((_early_eos(), 0, 1, 3, 6), note="a hypothesis that finishes early keeps competing unchanged"),
        Call((_early_eos(), 0, 1, 2, 1), note="max_len 1"),
        Call((np.log(np.full((3, 3), 1 / 3)), 0, 2, 2, 3), note="a uniform table: ties go to the smaller sequence"),
        Call((_table(g, 5), 4, 0, 3, 1), note="bos is not 0"),
    ]
    for _ in range(5):
        v = int(g.integers(3, 12))
        eos = int(g.integers(0, v))
        bos = int((eos + 1 + g.integers(0, v - 1)) % v)
        cases.append(Call((_table(g, v, sharp=float(g.choice([0.5, 2.0])), eos=eos, eos_bias=float(g.uniform(-1, 1))),
                           bos, eos, int(g.integers(1, 6)), int(g.integers(1, 10))), note="random bigram model"))
    cases.append(Call((_table(g, 60, sharp=1.5, eos=7, eos_bias=-1.5), 3, 7, 8, 30),
                      note="vocabulary 60, beam 8, up to 30 tokens"))
    return cases


def _level2(g):
    cases = [
        Call((_early_eos(), 0, 1, 3, 6), {"length_alpha": 1.0}, note="normalisation prefers the longer hypothesis"),
        Call((_early_eos(), 0, 1, 3, 6), {"length_alpha": 0.5}, note="alpha 0.5: the short hypothesis still wins"),
        Call((_trap_greedy(), 0, 3, 2, 4), {"length_alpha": 1.0}, note="normalised choice among finished hypotheses"),
        Call((_early_eos(), 0, 1, 3, 6), {"length_alpha": 0.0}, note="alpha 0 is level 1"),
        Call((_pruning_trap(), 0, 1, 2, 3), {"length_alpha": 1.0}, note="prune on raw sums; normalise only the final choice"),
    ]
    for _ in range(5):
        v = int(g.integers(3, 12))
        eos = int(g.integers(0, v))
        bos = int((eos + 1 + g.integers(0, v - 1)) % v)
        cases.append(Call((_table(g, v, sharp=1.0, eos=eos, eos_bias=float(g.uniform(0, 1.5))), bos, eos,
                           int(g.integers(2, 6)), int(g.integers(2, 10))), {"length_alpha": float(g.choice([0.5, 0.7, 1.0]))},
                          note="random bigram model"))
    cases.append(Call((_table(g, 60, sharp=1.5, eos=7, eos_bias=0.5), 3, 7, 8, 30), {"length_alpha": 0.7},
                      note="vocabulary 60, beam 8, up to 30 tokens"))
    return cases


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    return _level1(g) if level == 1 else _level2(g)
