"""Hidden data sets for the training-script debug problem.

The user's script trains on data made here; the verdict rests on the losses it
reports and on its predictions for a held-out set whose labels never leave the
host.
"""

import math

import torch

from rounds.testkit import Call, custom, same_run

STEPS = 200
TAIL = 50
LOSS_TARGET = 0.5
ACC_MIN = 0.6


def _data(seed: int, d: int, k: int, n_train: int = 512, n_test: int = 256):
    """Features from N(0, 1); labels from a random two-layer teacher network."""
    g = torch.Generator().manual_seed(seed)
    w1 = 0.5 * torch.randn(d, 16, generator=g)
    w2 = torch.randn(16, k, generator=g)
    X = torch.randn(n_train + n_test, d, generator=g)
    y = (torch.tanh(X @ w1) @ w2).argmax(1)
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def _trajectory(losses: list[float]) -> str:
    marks = [0, STEPS // 4, STEPS // 2, 3 * STEPS // 4, STEPS - 1]
    return ", ".join(f"{i + 1}: {losses[i]:.3g}" for i in marks)


def _grader(y_test: torch.Tensor, n_classes: int):
    def check(actual, expected, args):
        if not isinstance(actual, tuple | list) or len(actual) != 2:
            return "train must return a pair (losses, test_logits)"
        losses, logits = actual
        if not isinstance(losses, list):
            return f"losses is a {type(losses).__name__}, expected a list of floats"
        if len(losses) != STEPS:
            return f"losses has {len(losses)} entries, expected one per optimiser step ({STEPS})"
        for i, v in enumerate(losses):
            if not isinstance(v, float):
                return f"losses[{i}] is a {type(v).__module__}.{type(v).__name__}, expected a Python float (loss.item())"
            if not math.isfinite(v):
                return f"losses[{i}] is {v}: training diverged (loss at steps {_trajectory([x if math.isfinite(x) else math.inf for x in losses])})"
        if not torch.is_tensor(logits):
            return f"test_logits is a {type(logits).__name__}, expected a torch.Tensor"
        want = (len(y_test), n_classes)
        if tuple(logits.shape) != want:
            return f"test_logits has shape {tuple(logits.shape)}, expected {want}"
        if not torch.isfinite(logits).all():
            return "test_logits holds NaN or inf"
        tail = sum(losses[-TAIL:]) / TAIL
        acc = (logits.argmax(1) == y_test).double().mean().item()
        why = []
        if tail > LOSS_TARGET:
            why.append(f"the mean of the last {TAIL} training losses is {tail:.3g}; a script that learns gets "
                       f"below {LOSS_TARGET} within {STEPS} steps (loss at steps {_trajectory(losses)})")
        if acc < ACC_MIN:
            why.append(f"held-out accuracy is {acc:.3f}; a trained model reaches {ACC_MIN}")
        if why:
            return "; ".join(why)
        # Only the right fix reproduces the fixed script's run: a fix of a symptom meets the targets too.
        return same_run(losses, expected[0], logits, expected[1], out_name="test_logits")

    return custom(check)


def _case(seed: int, d: int, k: int, note: str) -> Call:
    X, y, Xt, yt = _data(seed, d, k)
    return Call((X, y, Xt, seed % 1000), check=_grader(yt, k), note=note)


def examples(level):
    return [_case(7, 8, 3, "8 features, 3 classes")]


def hidden(level, rng):
    cases = [
        _case(rng.randrange(2**31), 8, 3, "8 features, 3 classes"),
        _case(rng.randrange(2**31), 6, 4, "6 features, 4 classes"),
    ]
    for _ in range(2):
        cases.append(_case(rng.randrange(2**31), rng.choice([6, 8, 10]), rng.choice([3, 4]), "random teacher network"))
    return cases
