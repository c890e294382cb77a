"""Shaped rewards and GAE against plain per-row loops written on the host from the formulas.

Rows have a prompt before the response and padding after it; values in the padding are large,
so using the padding's value as the next value after the last token shows.
"""

import numpy as np

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
checker = floats(atol=1e-12, rtol=1e-9, dtype="float64")
_g = floats(atol=1e-10, rtol=1e-9, dtype="float64")


def rewards_oracle(scores, logp, logp_ref, mask, beta):
    out = np.zeros(logp.shape)
    for b in range(len(scores)):
        idx = [t for t in range(logp.shape[1]) if mask[b, t]]
        for t in idx:
            out[b, t] = -beta * (logp[b, t] - logp_ref[b, t])
        out[b, idx[-1]] += scores[b]
    return out


def gae_oracle(rewards, values, mask, gamma, lam):
    adv, ret = np.zeros(rewards.shape), np.zeros(rewards.shape)
    for b in range(rewards.shape[0]):
        idx = [t for t in range(rewards.shape[1]) if mask[b, t]]
        a = 0.0
        for k in range(len(idx) - 1, -1, -1):
            t = idx[k]
            nv = values[b, idx[k + 1]] if k + 1 < len(idx) else 0.0
            delta = rewards[b, t] + gamma * nv - values[b, t]
            a = delta + gamma * lam * a
            adv[b, t], ret[b, t] = a, a + values[b, t]
    return adv, ret


def _check_pair(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (advantages, returns)"
    for name, a, e in zip(("advantages", "returns"), actual, expected, strict=True):
        o = _g(a, e, args)
        if not o.ok:
            return f"{name}: {o.message}"
    return None


gae_check = custom(_check_pair)


def _mask(g, B, T, min_prompt=0):
    m = np.zeros((B, T), dtype=np.int64)
    for b in range(B):
        start = int(g.integers(min_prompt, T))
        end = int(g.integers(start + 1, T + 1))
        m[b, start:end] = 1
    return m


def _rw(g, B, T, beta, note, mask=None, name=""):
    mask = _mask(g, B, T) if mask is None else mask
    logp = -np.abs(g.normal(size=(B, T))) * 3
    ref = -np.abs(g.normal(size=(B, T))) * 3
    scores = g.normal(size=B) * 2
    args = (scores, logp, ref, mask, beta)
    return Call(args, expected=rewards_oracle(*args), note=note, name=name)


def _gae(g, B, T, gamma, lam, note, mask=None, name=""):
    mask = _mask(g, B, T) if mask is None else mask
    rewards = g.normal(size=(B, T))
    values = g.normal(size=(B, T))
    values[mask == 0] = 100.0  # loud values outside the response
    args = (rewards, values, mask, gamma, lam)
    return Call(args, expected=gae_oracle(*args), entry="gae", check=gae_check, note=note, name=name)


def examples(level):
    if level == 1:
        args = (np.array([2.0]), np.array([[-9, -1.0, -2.0, -7]]), np.array([[-9, -1.5, -1.0, -7]]),
                np.array([[0, 1, 1, 0]]), 0.1)
        return [Call(args, expected=rewards_oracle(*args), name="one response of two tokens",
                     note="the score lands on the last response token, not on the padding")]
    args = (np.array([[0.0, 1.0, 2.0]]), np.array([[0.5, 0.5, 1.0]]), np.array([[1, 1, 1]]), 1.0, 1.0)
    return [Call(args, expected=gae_oracle(*args), entry="gae", check=gae_check, name="gamma = lambda = 1",
                 note="the value after the last token is 0")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    one = np.array([[0, 0, 1, 0, 0]])
    if level == 1:
        cases = [
            _rw(g, 1, 5, 0.1, "a one-token response: penalty and score on the same token", mask=one),
            _rw(g, 4, 12, 0.05, "prompts before and padding after each response", mask=_mask(g, 4, 12, 1)),
            _rw(g, 3, 8, 0.0, "beta = 0: only the score", mask=_mask(g, 3, 8, 1)),
            _rw(g, 3, 8, 0.2, "responses that run to the last column", mask=np.array([[0, 0, 1, 1, 1, 1, 1, 1]] * 3)),
            _rw(g, 256, 1024, 0.05, "256 responses of up to 1024 tokens"),
        ]
        for _ in range(3):
            cases.append(_rw(g, rng.randint(1, 6), rng.randint(1, 15), rng.choice([0.01, 0.1, 0.5]), "random batch"))
        return cases
    cases = [
        _gae(g, 1, 5, 0.99, 0.95, "one response token: A = r - V", mask=one),
        _gae(g, 4, 12, 1.0, 1.0, "gamma = lambda = 1: sums of rewards minus the value", mask=_mask(g, 4, 12, 1)),
        _gae(g, 4, 12, 0.99, 0.0, "lambda = 0: one-step TD errors", mask=_mask(g, 4, 12, 1)),
        _gae(g, 6, 16, 0.99, 0.95, "padding after the response holds large values: the next value after the last "
             "token is 0", mask=_mask(g, 6, 16, 2)),
        _gae(g, 256, 1024, 0.99, 0.95, "256 responses of up to 1024 tokens"),
    ]
    for _ in range(3):
        cases.append(_gae(g, rng.randint(1, 6), rng.randint(1, 15), rng.choice([0.9, 0.99, 1.0]),
                          rng.choice([0.0, 0.9, 0.95, 1.0]), "random batch"))
    return cases
