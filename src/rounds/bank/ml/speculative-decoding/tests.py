"""Rounds of speculative sampling with the uniforms given, checked exactly.

Every uniform is drawn at least 1e-6 away from any threshold it meets (the acceptance ratio and
every cumulative weight), so the answer never depends on rounding. The project's tests check that
the rule's output distribution for the first token is exactly the target's.
"""

import numpy as np

from rounds.testkit import Call

inputs_unchanged = True
_GAP = 1e-6


def _dist(g, V, sharp=1.0, zeros=0):
    w = g.random(V) ** sharp
    if zeros:
        w[g.choice(V, size=min(zeros, V - 1), replace=False)] = 0.0
    return w / w.sum()


def _safe_uniform(g, thresholds):
    while True:
        u = float(g.random())
        if all(abs(u - t) >= _GAP for t in thresholds):
            return u


def _cdf_thresholds(w):
    c = np.cumsum(w)
    return list(c / c[-1]) if c[-1] > 0 else []


def make_case(g, gamma, V, note, accept_bias=None, sharp=1.0, zeros=0, name=""):
    """accept_bias: None for honest uniforms, 'low' to make acceptance likely, 'high' to force rejection."""
    p = np.array([_dist(g, V, sharp, zeros) for _ in range(gamma + 1)])
    q = np.array([_dist(g, V, sharp) for _ in range(gamma)]) if gamma else np.zeros((0, V))
    draft = [int(g.choice(V, p=q[i])) for i in range(gamma)]
    u_acc, u_smp = [], []
    for i in range(gamma):
        ratio = p[i, draft[i]] / q[i, draft[i]]
        u = _safe_uniform(g, [ratio])
        if accept_bias == "low" and ratio > 2e-6:
            u = float(g.uniform(0, ratio - 1e-6)) if ratio < 1 else u
        if accept_bias == "high" and ratio < 1 - 2e-6:
            u = float(g.uniform(ratio + 1e-6, 1.0))
        u_acc.append(u)
        u_smp.append(_safe_uniform(g, _cdf_thresholds(np.maximum(p[i] - q[i], 0.0))))
    u_smp.append(_safe_uniform(g, _cdf_thresholds(p[gamma])))
    return Call((p, q, draft, np.array(u_acc, dtype=np.float64), np.array(u_smp)), note=note, name=name)


def examples(level):
    p = np.array([[0.5, 0.5, 0.0], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]])
    q = np.array([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5]])
    return [
        Call((p, q, [0, 2], np.array([0.7, 0.1]), np.array([0.2, 0.9, 0.5])), expected=[1], name="a rejection",
             note="position 0 is rejected; the residual puts all its mass on token 1"),
        Call((p, q, [0, 2], np.array([0.3, 0.1]), np.array([0.2, 0.9, 0.5])), expected=[0, 2, 1],
             name="all accepted", note="both drafts accepted (p/q = 0.5 and 1.6), then a bonus token from p[2]"),
    ]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    p = np.array([[0.2, 0.3, 0.5], [0.6, 0.2, 0.2]])
    q = np.array([[0.1, 0.3, 0.6]])
    cases = [
        make_case(g, 0, 5, "gamma = 0: one token sampled from p[0]"),
        Call((p, q, [0], np.array([0.999]), np.array([0.5, 0.7])),
             note="p/q = 2 for the draft: accepted whatever the uniform, then a bonus token from the next row"),
        Call((p, q, [2], np.array([0.9]), np.array([0.5, 0.1])),
             note="p/q = 5/6 and u = 0.9: rejected; the residual max(p - q, 0) = [0.1, 0, 0] gives token 0"),
        make_case(g, 4, 8, "four drafts, all accepted: the bonus comes from p[4]", accept_bias="low"),
        make_case(g, 4, 8, "the first draft is rejected: stop there", accept_bias="high"),
        make_case(g, 6, 20, "honest uniforms: a rejection somewhere in the middle, or none"),
        make_case(g, 5, 12, "sharp distributions with zeros in the target", sharp=4.0, zeros=5),
        make_case(g, 16, 50000, "gamma 16 over a 50000-token vocabulary", accept_bias="low"),
        make_case(g, 16, 50000, "gamma 16, honest uniforms, 50000 tokens"),
    ]
    for _ in range(5):
        cases.append(make_case(g, rng.randint(1, 8), rng.randint(2, 30), "random round",
                               accept_bias=rng.choice([None, "low", "high"]), sharp=rng.choice([1.0, 3.0])))
    return cases
