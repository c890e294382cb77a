"""Hidden data sets for the intent-classifier debug problem.

The user's script trains on data made here; the verdict rests on the losses it
reports and on its raw scores for a held-out set whose labels never leave the
host: accuracy and cross-entropy are both computed here.
"""

import math

import torch

from rounds.testkit import Call, custom, same_run

STEPS = 150
TAIL = 50
LOSS_TARGET = 0.35
ACC_MIN = 0.8
TEST_CE_MAX = 0.45


def _data(seed: int, d: int, k: int, n_train: int = 512, n_test: int = 256):
    """Each intent owns two cluster centres in feature space; points scatter around them."""
    g = torch.Generator().manual_seed(seed)
    centres = 1.5 * torch.randn(2 * k, d, generator=g)
    labels = torch.arange(2 * k) % k
    pick = torch.randint(0, 2 * k, (n_train + n_test,), generator=g)
    X = centres[pick] + torch.randn(n_train + n_test, d, generator=g)
    y = labels[pick]
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def _trajectory(losses: list[float]) -> str:
    marks = [0, STEPS // 4, STEPS // 2, 3 * STEPS // 4, STEPS - 1]
    return ", ".join(f"{i + 1}: {losses[i]:.3g}" for i in marks)


def _grader(y_test: torch.Tensor, k: int):
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
                return f"losses[{i}] is {v}: training diverged"
        if not torch.is_tensor(logits):
            return f"test_logits is a {type(logits).__name__}, expected a torch.Tensor"
        if tuple(logits.shape) != (len(y_test), k):
            return f"test_logits has shape {tuple(logits.shape)}, expected {(len(y_test), k)}"
        if not logits.is_floating_point() or not torch.isfinite(logits).all():
            return "test_logits must be finite floating-point scores"
        z = logits.double()
        tail = sum(losses[-TAIL:]) / TAIL
        acc = (z.argmax(1) == y_test).double().mean().item()
        ce = torch.nn.functional.cross_entropy(z, y_test).item()
        why = []
        if tail > LOSS_TARGET:
            why.append(f"the mean of the last {TAIL} training losses is {tail:.3g}; a script that learns gets "
                       f"below {LOSS_TARGET} within {STEPS} steps (loss at steps {_trajectory(losses)})")
        if acc < ACC_MIN:
            why.append(f"held-out accuracy is {acc:.3f}; a trained model reaches {ACC_MIN}")
        if ce > TEST_CE_MAX:
            why.append(f"held-out cross-entropy of test_logits is {ce:.3g}; raw scores of a trained model "
                       f"give at most {TEST_CE_MAX}")
        if why:
            return "; ".join(why)
        # Only the right fix reproduces the fixed script's run: a fix of a symptom meets the targets too.
        return same_run(losses, expected[0], logits, expected[1], out_name="test_logits")

    return custom(check)


def _case(seed: int, d: int, k: int, note: str) -> Call:
    X, y, Xt, yt = _data(seed, d, k)
    return Call((X, y, Xt, seed % 1000), check=_grader(yt, k), note=note)


def examples(level):
    return [_case(11, 16, 4, "16 features, 4 intents")]


def hidden(level, rng):
    cases = [
        _case(rng.randrange(2**31), 16, 3, "16 features, 3 intents"),
        _case(rng.randrange(2**31), 16, 5, "16 features, 5 intents"),
    ]
    for _ in range(2):
        cases.append(_case(rng.randrange(2**31), rng.choice([12, 16, 20]), rng.choice([3, 4, 5]), "random clusters"))
    return cases
