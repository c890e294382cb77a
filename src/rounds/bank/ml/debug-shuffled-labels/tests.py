"""Hidden data sets for the delivery-time regression debug problem.

The user's script trains on data made here; the verdict rests on the losses it
reports and on the R^2 of its predictions for held-out orders whose true
delivery times never leave the host.
"""

import math

import torch

from rounds.testkit import Call, custom, same_run

STEPS = 250
TAIL = 50
LOSS_TARGET = 0.35
R2_MIN = 0.5


def _data(seed: int, d: int, n_train: int = 768, n_test: int = 256):
    """Minutes = base + a smooth random function of the features + noise."""
    g = torch.Generator().manual_seed(seed)
    w1 = 0.5 * torch.randn(d, 16, generator=g)
    w2 = torch.randn(16, generator=g)
    scale = 2.0 + 10.0 * torch.rand(d, generator=g)
    shift = 5.0 * torch.randn(d, generator=g)
    Z = torch.randn(n_train + n_test, d, generator=g)
    signal = torch.tanh(Z @ w1) @ w2
    minutes = 35.0 + 8.0 * signal / signal.std() + 1.5 * torch.randn(len(Z), generator=g)
    X = Z * scale + shift  # raw features on unequal scales
    return X[:n_train], minutes[:n_train], X[n_train:], minutes[n_train:]


def _trajectory(losses: list[float]) -> str:
    marks = [0, STEPS // 4, STEPS // 2, 3 * STEPS // 4, STEPS - 1]
    return ", ".join(f"{i + 1}: {losses[i]:.3g}" for i in marks)


def r2(pred: torch.Tensor, y: torch.Tensor) -> float:
    p, t = pred.double(), y.double()
    return 1.0 - ((p - t) ** 2).sum().item() / ((t - t.mean()) ** 2).sum().item()


def _grader(y_test: torch.Tensor):
    def check(actual, expected, args):
        if not isinstance(actual, tuple | list) or len(actual) != 2:
            return "train must return a pair (losses, test_pred)"
        losses, pred = actual
        if not isinstance(losses, list):
            return f"losses is a {type(losses).__name__}, expected a list of floats"
        if len(losses) != STEPS:
            return f"losses has {len(losses)} entries, expected one per optimiser step ({STEPS})"
        for i, v in enumerate(losses):
            if not isinstance(v, float):
                return f"losses[{i}] is a {type(v).__module__}.{type(v).__name__}, expected a Python float (loss.item())"
            if not math.isfinite(v):
                return f"losses[{i}] is {v}: training diverged"
        if not torch.is_tensor(pred):
            return f"test_pred is a {type(pred).__name__}, expected a torch.Tensor"
        if tuple(pred.shape) != (len(y_test),):
            return f"test_pred has shape {tuple(pred.shape)}, expected {(len(y_test),)}"
        if not pred.is_floating_point() or not torch.isfinite(pred).all():
            return "test_pred must be finite floating-point minutes"
        tail = sum(losses[-TAIL:]) / TAIL
        score = r2(pred, y_test)
        why = []
        if tail > LOSS_TARGET:
            why.append(f"the mean of the last {TAIL} training losses is {tail:.3g}; a script that learns gets "
                       f"below {LOSS_TARGET} within {STEPS} steps (loss at steps {_trajectory(losses)})")
        if score < R2_MIN:
            why.append(f"held-out R^2 is {score:.3f} (mean prediction {pred.double().mean().item():.3g} min); "
                       f"a trained model reaches {R2_MIN}")
        if why:
            return "; ".join(why)
        # Only the right fix reproduces the fixed script's run: a fix of a symptom meets the targets too.
        return same_run(losses, expected[0], pred, expected[1], out_name="test_pred")

    return custom(check)


def _case(seed: int, d: int, note: str) -> Call:
    X, y, Xt, yt = _data(seed, d)
    return Call((X, y, Xt, seed % 1000), check=_grader(yt), note=note)


def examples(level):
    return [_case(21, 8, "8 order features")]


def hidden(level, rng):
    cases = [_case(rng.randrange(2**31), 8, "8 order features"),
             _case(rng.randrange(2**31), 12, "12 order features")]
    for _ in range(2):
        cases.append(_case(rng.randrange(2**31), rng.choice([6, 8, 12]), "random teacher function"))
    return cases
