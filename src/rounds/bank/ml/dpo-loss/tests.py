"""Preference losses against float64 torch oracles computed on the host.

torch.nn.functional.logsigmoid gives the Bradley-Terry and DPO terms stably, log_softmax plus a
gather gives the sequence log-probabilities. Reward differences up to 1e4 and logits up to 1e3
make the naive formulas overflow.
"""

import numpy as np
import torch
import torch.nn.functional as F

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_loss_tol = floats(atol=1e-10, rtol=1e-9)
_lp_tol = floats(atol=1e-9, rtol=1e-9, dtype="float64")
checker = _loss_tol


def bt_oracle(rc, rr, margin=None):
    d = torch.tensor(rc) - torch.tensor(rr)
    if margin is not None:
        d = d - torch.tensor(margin)
    return float(-F.logsigmoid(d).mean())


def lp_oracle(logits, ids, mask):
    lp = torch.log_softmax(torch.tensor(logits)[:, :-1], dim=-1)
    tok = lp.gather(-1, torch.tensor(ids)[:, 1:, None])[..., 0]
    return (tok * torch.tensor(mask)[:, 1:]).sum(dim=1).numpy()


def dpo_oracle(pc, pr, rc, rr, beta, eps=0.0):
    cr = beta * (torch.tensor(pc) - torch.tensor(rc))
    rj = beta * (torch.tensor(pr) - torch.tensor(rr))
    z = cr - rj
    loss = -(1 - eps) * F.logsigmoid(z) - eps * F.logsigmoid(-z)
    return float(loss.mean()), cr.numpy(), rj.numpy()


def _check_dpo(actual, expected, args):
    if not isinstance(actual, tuple) or len(actual) != 3:
        return "return a tuple (loss, chosen_rewards, rejected_rewards)"
    if not isinstance(actual[0], float):
        return f"loss must be a Python float, got {type(actual[0]).__name__}"
    for name, a, e in zip(("loss", "chosen_rewards", "rejected_rewards"), actual, expected, strict=True):
        o = _loss_tol(a, e, args)
        if not o.ok:
            return f"{name}: {o.message}"
    return None


dpo_check = custom(_check_dpo)


def _bt(rc, rr, note, margin=None, name=""):
    args = (rc, rr) if margin is None else (rc, rr, margin)
    return Call(args, expected=bt_oracle(rc, rr, margin), note=note, name=name)


def _lp(logits, ids, mask, note, name=""):
    return Call((logits, ids, mask), expected=lp_oracle(logits, ids, mask), entry="sequence_logprobs",
                check=_lp_tol, note=note, name=name)


def _dpo(pc, pr, rc, rr, beta, note, eps=None, name=""):
    args = (pc, pr, rc, rr, beta) if eps is None else (pc, pr, rc, rr, beta, eps)
    return Call(args, expected=dpo_oracle(pc, pr, rc, rr, beta, eps or 0.0), entry="dpo_loss", check=dpo_check,
                note=note, name=name)


def _batch(g, B, T, V, prompt_max, scale=3.0):
    logits = g.normal(size=(B, T, V)) * scale
    ids = g.integers(0, V, size=(B, T)).astype(np.int64)
    mask = np.zeros((B, T), dtype=np.int64)
    for b in range(B):
        p = int(g.integers(1, prompt_max + 1))  # prompt length >= 1
        end = int(g.integers(p, T + 1))  # right padding after end
        mask[b, p:end] = 1
    return logits, ids, mask


def examples(level):
    if level == 1:
        return [_bt(np.array([2.0, 0.0]), np.array([0.0, 0.0]), "one clear win and one tie", name="two pairs"),
                _bt(np.array([2.0]), np.array([0.0]), "the margin is subtracted", margin=np.array([2.0]),
                    name="with a margin")]
    if level == 2:
        return [_lp(np.array([[[0.0, 0.0], [2.0, 0.0], [9.0, 9.0]]]), np.array([[1, 0, 1]]), np.array([[0, 1, 1]]),
                    "token t is scored by the logits at t - 1", name="one sequence of three tokens")]
    return [_dpo(np.array([-10.0]), np.array([-12.0]), np.array([-11.0]), np.array([-11.0]), 0.5,
                 "z = 0.5 * (1 - (-1)) = 1", name="one pair")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = [
            _bt(np.array([0.3]), np.array([0.3]), "equal rewards: log 2"),
            _bt(np.array([1.0, -2.0, 0.5]), np.array([0.0, 1.0, 3.0]),
                "the chosen reward minus the rejected one, not the other way round"),
            _bt(np.array([1e4, 0.0]), np.array([0.0, 1e4]),
                "differences of +-1e4: about 0 for the right pair, about 1e4 for the wrong one"),
            _bt(np.array([-800.0, 800.0]), np.array([0.0, 0.0]), "-log sigmoid(-800): sigmoid underflows to 0"),
            _bt(g.normal(size=50), g.normal(size=50), "a margin per pair", margin=np.abs(g.normal(size=50))),
            _bt(g.normal(size=100000) * 5, g.normal(size=100000) * 5, "100000 pairs: the mean, not the sum"),
        ]
        for _ in range(3):
            B = rng.randint(1, 40)
            cases.append(_bt(g.normal(size=B) * 10, g.normal(size=B) * 10, "random pairs",
                             margin=np.abs(g.normal(size=B)) if rng.random() < 0.5 else None))
        return cases
    if level == 2:
        l1, i1, m1 = _batch(g, 3, 6, 5, 3)
        l2, i2, m2 = _batch(g, 2, 8, 7, 4)
        m2[1] = 0  # a row with nothing to score
        l3, i3, m3 = _batch(g, 4, 10, 6, 5, scale=1e3)
        cases = [
            _lp(*_batch(g, 1, 2, 3, 1), "T = 2: one scored token, from logits[:, 0]"),
            _lp(l1, i1, m1, "prompt and right padding are masked out"),
            _lp(l2, i2, m2, "a row with no scored token gives 0"),
            _lp(l3, i3, m3, "logits of magnitude 1e3: a stable log-softmax"),
            _lp(*_batch(g, 16, 256, 512, 100), "16 sequences of 256 tokens, vocabulary 512"),
        ]
        for _ in range(3):
            cases.append(_lp(*_batch(g, rng.randint(1, 5), rng.randint(2, 20), rng.randint(2, 30), 1),
                             "random batch"))
        return cases

    def lps(B, scale=20.0):
        return -np.abs(g.normal(size=B)) * scale

    cases = [
        _dpo(np.array([-5.0]), np.array([-5.0]), np.array([-5.0]), np.array([-5.0]), 0.1,
             "policy equal to the reference: z = 0, loss log 2"),
        _dpo(lps(8), lps(8), lps(8), lps(8), 0.1, "beta 0.1"),
        _dpo(lps(8), lps(8), lps(8), lps(8), 2.0, "beta 2: the rewards scale with beta"),
        _dpo(np.array([0.0, -2e4]), np.array([-2e4, 0.0]), np.array([-10.0, -10.0]), np.array([-10.0, -10.0]), 0.5,
             "z = +-1e4: stable softplus in both directions"),
        _dpo(lps(20), lps(20), lps(20), lps(20), 0.1, "label smoothing 0.1", eps=0.1),
        _dpo(np.array([3.0, -1e4]), np.array([-2e4, 3.0]), np.zeros(2), np.zeros(2), 1.0,
             "label smoothing with huge z: the second softplus overflows if written naively", eps=0.2),
        _dpo(lps(100000), lps(100000), lps(100000), lps(100000), 0.1, "100000 pairs"),
    ]
    for _ in range(3):
        B = rng.randint(1, 30)
        cases.append(_dpo(lps(B), lps(B), lps(B), lps(B), rng.choice([0.05, 0.1, 0.5]), "random pairs",
                          eps=rng.choice([None, 0.0, 0.1])))
    return cases
