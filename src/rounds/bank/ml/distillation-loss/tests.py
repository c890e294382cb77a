"""Distillation loss and its gradient against float64 torch (kl_div with reduction="batchmean",
cross_entropy, autograd) computed on the host.

Temperatures other than 1 expose a missing T^2 or a missing 1/T; teachers far from the student
expose a reversed KL; logits near 1e3 need a stable log-softmax; confident teachers underflow to
exact zeros.
"""

import numpy as np
import torch
import torch.nn.functional as F

from rounds.testkit import Call, floats

inputs_unchanged = True
checker = floats(atol=1e-10, rtol=1e-9)
_grad = floats(atol=1e-12, rtol=1e-9, dtype="float64")


def _torch_loss(s, t, y, T, alpha):
    kl = F.kl_div(F.log_softmax(s / T, dim=1), F.softmax(torch.tensor(t) / T, dim=1), reduction="batchmean")
    return alpha * T * T * kl + (1 - alpha) * F.cross_entropy(s, torch.tensor(y))


def loss_oracle(s, t, y, T, alpha):
    return float(_torch_loss(torch.tensor(s), t, y, T, alpha))


def grad_oracle(s, t, y, T, alpha):
    st = torch.tensor(s, requires_grad=True)
    _torch_loss(st, t, y, T, alpha).backward()
    return st.grad.numpy()


def _case(g, B, C, T, alpha, note, level, scale=2.0, offset=0.0, teacher_scale=None, name=""):
    s = g.normal(size=(B, C)) * scale + offset
    t = g.normal(size=(B, C)) * (teacher_scale or scale) + offset
    y = g.integers(0, C, size=B).astype(np.int64)
    args = (s, t, y, T, alpha)
    if level == 1:
        return Call(args, expected=loss_oracle(*args), note=note, name=name)
    return Call(args, expected=grad_oracle(*args), entry="distillation_grad", check=_grad, note=note, name=name)


def examples(level):
    args = (np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]]), np.array([0]), 2.0, 0.5)
    if level == 1:
        return [Call(args, expected=loss_oracle(*args), name="one example, T = 2",
                     note="0.5 * 4 * KL + 0.5 * CE")]
    return [Call(args, expected=grad_oracle(*args), entry="distillation_grad", check=_grad, name="one example, T = 2",
                 note="the soft term's gradient is T (p^s - p^t)")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    L = level
    cases = [
        _case(g, 4, 5, 1.0, 1.0, "T = 1, alpha = 1: the KL term alone", L),
        _case(g, 4, 5, 1.0, 0.0, "alpha = 0: plain cross-entropy at temperature 1", L),
        _case(g, 8, 10, 4.0, 1.0, "T = 4: the soft term is scaled by T^2", L),
        _case(g, 8, 10, 3.0, 0.0, "alpha = 0 with T = 3: the hard labels ignore the temperature", L),
        _case(g, 6, 7, 2.0, 0.5, "a teacher far sharper than the student: the direction of the KL matters", L,
              scale=0.5, teacher_scale=6.0),
        _case(g, 5, 6, 2.0, 0.7, "logits around 1000: a stable log-softmax", L, offset=1000.0),
        _case(g, 5, 6, 0.5, 0.5, "T = 0.5 with a very confident teacher: probabilities underflow to 0", L,
              teacher_scale=300.0),
        _case(g, 512, 1000, 2.0, 0.5, "512 examples over 1000 classes: the KL is averaged over examples only", L),
    ]
    for _ in range(3):
        cases.append(_case(g, rng.randint(1, 10), rng.randint(2, 12), rng.choice([0.5, 1.0, 2.0, 5.0]),
                           rng.choice([0.0, 0.3, 0.9, 1.0]), "random batch", L))
    return cases
