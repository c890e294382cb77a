"""Hidden data sets for the click-model debug problem.

The user's script trains on data made here; the verdict rests on the losses it
reports and on the ranking quality (ROC AUC) of its logits for held-out
requests whose labels never leave the host.
"""

import math

import torch

from rounds.testkit import Call, custom, same_run

STEPS = 200
TAIL = 50
LOSS_TARGET = 0.6
AUC_MIN = 0.8


def _data(seed: int, d: int, n_train: int = 768, n_test: int = 512):
    """Clicks from a random two-layer teacher, about one positive in four."""
    g = torch.Generator().manual_seed(seed)
    w1 = 0.6 * torch.randn(d, 16, generator=g)
    w2 = torch.randn(16, generator=g)
    X = torch.randn(n_train + n_test, d, generator=g)
    score = torch.tanh(X @ w1) @ w2
    score = (score - score.quantile(0.75)) / score.std()
    y = (torch.rand(len(X), generator=g) < torch.sigmoid(10 * score)).long()
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def auc(scores: torch.Tensor, labels: torch.Tensor) -> float:
    """Probability that a random positive outscores a random negative (ties count one half)."""
    s = scores.double()
    pos, neg = s[labels == 1], s[labels == 0]
    greater = (pos[:, None] > neg[None, :]).double().sum()
    ties = (pos[:, None] == neg[None, :]).double().sum()
    return ((greater + 0.5 * ties) / (len(pos) * len(neg))).item()


def _trajectory(losses: list[float]) -> str:
    marks = [0, STEPS // 4, STEPS // 2, 3 * STEPS // 4, STEPS - 1]
    return ", ".join(f"{i + 1}: {losses[i]:.3g}" for i in marks)


def _grader(y_test: torch.Tensor):
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
        if tuple(logits.shape) != (len(y_test),):
            return f"test_logits has shape {tuple(logits.shape)}, expected {(len(y_test),)}"
        if not logits.is_floating_point() or not torch.isfinite(logits).all():
            return "test_logits must be finite floating-point scores"
        tail = sum(losses[-TAIL:]) / TAIL
        a = auc(logits, y_test)
        why = []
        if tail > LOSS_TARGET:
            why.append(f"the mean of the last {TAIL} training losses is {tail:.3g}; a script that learns gets "
                       f"below {LOSS_TARGET} within {STEPS} steps (loss at steps {_trajectory(losses)})")
        if a < AUC_MIN:
            why.append(f"held-out ROC AUC is {a:.3f}; a trained model reaches {AUC_MIN}")
        if why:
            return "; ".join(why)
        # Only the right fix reproduces the fixed script's run: a fix of a symptom meets the targets too.
        return same_run(losses, expected[0], logits, expected[1], out_name="test_logits")

    return custom(check)


def _case(seed: int, d: int, note: str) -> Call:
    X, y, Xt, yt = _data(seed, d)
    return Call((X, y, Xt, seed % 1000), check=_grader(yt), note=note)


def examples(level):
    return [_case(3, 10, "10 request features")]


def hidden(level, rng):
    cases = [_case(rng.randrange(2**31), 10, "10 request features"),
             _case(rng.randrange(2**31), 16, "16 request features")]
    for _ in range(2):
        cases.append(_case(rng.randrange(2**31), rng.choice([8, 12, 16]), "random teacher network"))
    return cases
