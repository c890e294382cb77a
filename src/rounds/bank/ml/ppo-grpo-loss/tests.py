"""PPO-clip and GRPO against float64 torch oracles written on the host from the papers' formulas.

Cases put ratios on both sides of the clip range with both signs of advantage, padding in the
batch, log-probabilities near -1000 (ratios only computable from differences), groups with equal
rewards, and completions of very different lengths (where the per-completion mean of GRPO and a
token mean disagree).
"""

import numpy as np
import torch

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_tol = floats(atol=1e-10, rtol=1e-9)


def _t(a):
    return torch.tensor(a, dtype=torch.float64)


def ppo_oracle(ln, lo, adv, mask, eps):
    ratio = torch.exp(_t(ln) - _t(lo))
    obj = torch.min(ratio * _t(adv), torch.clamp(ratio, 1 - eps, 1 + eps) * _t(adv))
    m = _t(mask)
    return float((-obj * m).sum() / m.sum()), float((((ratio - 1).abs() > eps).double() * m).sum() / m.sum())


def adv_oracle(rewards, G):
    r = _t(rewards).view(-1, G)
    return ((r - r.mean(dim=1, keepdim=True)) / (r.std(dim=1, keepdim=True) + 1e-4)).view(-1).numpy()


def grpo_oracle(ln, lo, lr, rewards, mask, G, eps, beta):
    A = _t(adv_oracle(rewards, G))[:, None]
    ratio = torch.exp(_t(ln) - _t(lo))
    obj = torch.min(ratio * A, torch.clamp(ratio, 1 - eps, 1 + eps) * A)
    kl = torch.exp(_t(lr) - _t(ln)) - (_t(lr) - _t(ln)) - 1
    m = _t(mask)
    return float((((-obj + beta * kl) * m).sum(dim=1) / m.sum(dim=1)).mean())


def _check_pair(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 2:
        return "return a tuple (loss, clip_fraction)"
    for name, a, e in zip(("loss", "clip_fraction"), actual, expected, strict=True):
        if not isinstance(a, float):
            return f"{name} must be a Python float, got {type(a).__name__}"
        o = _tol(a, e, args)
        if not o.ok:
            return f"{name}: {o.message}"
    return None


checker = custom(_check_pair)


def _logps(g, shape, spread=0.3, low=-3.0):
    old = g.uniform(low, -0.01, size=shape)
    new = np.minimum(old + g.normal(size=shape) * spread, 0.0)
    return new, old


def _mask(g, B, T, min_len=1):
    m = np.zeros((B, T), dtype=np.int64)
    for b in range(B):
        m[b, :int(g.integers(min_len, T + 1))] = 1
    return m


def _ppo(ln, lo, adv, mask, eps, note, name=""):
    return Call((ln, lo, adv, mask, eps), expected=ppo_oracle(ln, lo, adv, mask, eps), note=note, name=name)


def _adv(rewards, G, note, name=""):
    return Call((rewards, G), expected=adv_oracle(rewards, G), entry="grpo_advantages",
                check=floats(atol=1e-10, rtol=1e-9, dtype="float64"), note=note, name=name)


def _grpo(g, N, T, G, eps, beta, note, rewards=None, mask=None, spread=0.3, name=""):
    ln, lo = _logps(g, (N, T), spread)
    lr = np.minimum(lo + g.normal(size=(N, T)) * 0.5, 0.0)
    rewards = g.integers(0, 2, size=N).astype(np.float64) if rewards is None else rewards
    mask = _mask(g, N, T) if mask is None else mask
    args = (ln, lo, lr, rewards, mask, G, eps, beta)
    return Call(args, expected=grpo_oracle(*args), entry="grpo_loss", check=_tol, note=note, name=name)


def examples(level):
    if level == 1:
        return [_ppo(np.log([[0.5, 0.9]]), np.log([[0.25, 0.9]]), np.array([[1.0, -2.0]]), np.array([[1, 1]]), 0.2,
                     "token 0 is clipped at 1.2; token 1 has ratio 1", name="two tokens")]
    if level == 2:
        return [_adv(np.array([1.0, 0.0, 0.0, 1.0, 5.0, 5.0, 5.0, 5.0]), 4,
                     "the second group has equal rewards: advantage 0", name="two groups of four")]
    g = np.random.default_rng(3)
    mask = np.array([[1, 0, 0], [1, 1, 1]], dtype=np.int64)
    return [_grpo(g, 2, 3, 2, 0.2, 0.04, "rows of 1 and 3 tokens: mean per completion first",
                  rewards=np.array([1.0, 0.0]), mask=mask, name="one prompt, two completions")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        ones = np.ones((1, 4), dtype=np.int64)
        lo = np.log(np.array([[0.5, 0.5, 0.5, 0.5]]))
        ln = np.log(np.array([[0.8, 0.2, 0.8, 0.2]]))  # ratios 1.6, 0.4, 1.6, 0.4
        B, T = 6, 20
        ln2, lo2 = _logps(g, (B, T), spread=0.5)
        big_n, big_o = _logps(g, (64, 512), spread=0.3)
        cases = [
            _ppo(*_logps(g, (2, 5), spread=0.01), g.normal(size=(2, 5)), np.ones((2, 5), dtype=np.int64), 0.2,
                 "ratios close to 1: nothing is clipped"),
            _ppo(ln, lo, np.array([[1.0, 1.0, -1.0, -1.0]]), ones, 0.2,
                 "ratios 1.6 and 0.4 with A = +1 and -1: the pessimistic term decides which side is clipped"),
            _ppo(ln, lo, np.array([[-1.0, 1.0, 1.0, -1.0]]), ones, 0.2,
                 "A < 0 with ratio 1.6 and A > 0 with ratio 0.4: the unclipped term is the smaller one"),
            _ppo(ln2, lo2, g.normal(size=(B, T)), _mask(g, B, T), 0.2,
                 "padding: the mean is over valid tokens only, and so is the clip fraction"),
            _ppo(lo2 - 990.0 + 0.5 * ln2, lo2 - 990.0, g.normal(size=(B, T)), np.ones((B, T), dtype=np.int64), 0.1,
                 "log-probabilities near -1000: take the ratio from their difference"),
            _ppo(big_n, big_o, g.normal(size=(64, 512)), _mask(g, 64, 512), 0.2, "64 x 512 tokens"),
        ]
        for _ in range(3):
            B, T = rng.randint(1, 8), rng.randint(1, 30)
            n, o = _logps(g, (B, T), spread=rng.choice([0.05, 0.3, 1.0]))
            cases.append(_ppo(n, o, g.normal(size=(B, T)), _mask(g, B, T), rng.choice([0.1, 0.2, 0.3]),
                              "random batch"))
        return cases
    if level == 2:
        cases = [
            _adv(np.array([1.0, 0.0]), 2, "a group of two: +-0.7070"),
            _adv(np.array([3.0, 3.0, 3.0]), 3, "all rewards equal: zeros, not NaN"),
            _adv(np.array([0.0, 1.0, 2.0, 3.0, 10.0, 20.0, 30.0, 40.0]), 4,
                 "groups are consecutive blocks, each with its own mean and std"),
            _adv(np.array([1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]), 8,
                 "one success in eight: the sample std (ddof = 1)"),
            _adv(g.normal(size=(100000,)), 16, "100000 rewards in groups of 16"),
        ]
        for _ in range(3):
            G = rng.randint(2, 10)
            cases.append(_adv(g.integers(0, 3, size=G * rng.randint(1, 10)).astype(np.float64), G, "random groups"))
        return cases
    ragged = np.zeros((4, 30), dtype=np.int64)
    ragged[0, :1], ragged[1, :30], ragged[2, :2], ragged[3, :25] = 1, 1, 1, 1
    cases = [
        _grpo(g, 4, 30, 2, 0.2, 0.0, "lengths 1, 30, 2, 25 with beta = 0: each completion's tokens average "
              "to one term", mask=ragged),
        _grpo(g, 4, 10, 4, 0.2, 0.1, "the KL term: exp(ref - new) - (ref - new) - 1, scaled by beta",
              mask=np.ones((4, 10), dtype=np.int64)),
        _grpo(g, 6, 12, 3, 0.2, 0.04, "two prompts of three completions", spread=0.8),
        _grpo(g, 8, 16, 8, 0.2, 0.04, "all eight rewards equal: only the KL term remains",
              rewards=np.full(8, 0.5)),
        _grpo(g, 256, 256, 16, 0.2, 0.04, "256 completions of up to 256 tokens"),
    ]
    for _ in range(3):
        G = rng.randint(2, 6)
        cases.append(_grpo(g, G * rng.randint(1, 4), rng.randint(1, 20), G, rng.choice([0.1, 0.2]),
                           rng.choice([0.0, 0.04, 0.1]), "random batch"))
    return cases
