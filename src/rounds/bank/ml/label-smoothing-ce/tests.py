"""Label-smoothed cross-entropy and its gradient against torch in float64 on the host
(cross_entropy with label_smoothing and ignore_index=-100, autograd for the gradient)."""

import numpy as np
import torch

from rounds.testkit import Call, floats

inputs_unchanged = True
checker = floats(atol=1e-10, rtol=1e-9)
_grad = floats(atol=1e-12, rtol=1e-9, dtype="float64")


def _torch(logits, labels, eps):
    z = torch.tensor(logits, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(z, torch.tensor(labels), label_smoothing=eps, ignore_index=-100)
    loss.backward()
    return float(loss.detach()), z.grad.numpy()


def _case(g, N, C, eps, note, level, ignore_frac=0.0, scale=2.0, offset=0.0, name=""):
    logits = g.normal(size=(N, C)) * scale + offset
    labels = g.integers(0, C, size=N).astype(np.int64)
    if ignore_frac:
        drop = g.random(N) < ignore_frac
        drop[0] = False
        labels[drop] = -100
    loss, grad = _torch(logits, labels, eps)
    if level == 1:
        return Call((logits, labels, eps), expected=loss, note=note, name=name)
    return Call((logits, labels, eps), expected=grad, entry="smoothed_cross_entropy_grad", check=_grad, note=note,
                name=name)


def examples(level):
    args = (np.array([[2.0, 0.0]]), np.array([0]), 0.1)
    loss, grad = _torch(*args)
    if level == 1:
        return [Call(args, expected=loss, name="two classes", note="q = [0.95, 0.05]")]
    return [Call(args, expected=grad, entry="smoothed_cross_entropy_grad", check=_grad, name="two classes",
                 note="p - q for the one row")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    L = level
    cases = [
        _case(g, 5, 4, 0.0, "eps = 0: plain cross-entropy", L),
        _case(g, 8, 10, 0.1, "eps = 0.1 over 10 classes: eps / C on every class, the true one included", L),
        _case(g, 6, 3, 0.5, "a large eps", L),
        _case(g, 12, 6, 0.1, "ignored rows are neither in the sum nor in the count", L, ignore_frac=0.5),
        _case(g, 5, 7, 0.2, "logits around 1000: a stable log-softmax", L, offset=1000.0),
        _case(g, 2048, 1000, 0.1, "2048 rows over 1000 classes", L, ignore_frac=0.1),
    ]
    for _ in range(3):
        cases.append(_case(g, rng.randint(1, 20), rng.randint(2, 12), rng.choice([0.0, 0.05, 0.1, 0.3]),
                           "random batch", L, ignore_frac=rng.choice([0.0, 0.3])))
    return cases
