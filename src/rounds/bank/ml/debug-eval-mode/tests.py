"""Hidden data sets for the churn-scoring debug problem.

The test rows arrive sorted by their first feature, as the scoring job's
warehouse query returns them. The verdict rests on the losses the script
reports and on its scores for held-out rows whose labels never leave the host.
"""

import math

import torch

from rounds.testkit import Call, custom, same_run

STEPS = 200
TAIL = 50
LOSS_TARGET = 0.55
ACC_MIN = 0.72
TEST_CE_MAX = 0.8
SCORE_BATCH = 64
DUP = SCORE_BATCH - 1  # test rows DUP and DUP + 1 are one account, in neighbouring chunks


def _data(seed: int, d: int, k: int, n_train: int = 768, n_test: int = 384):
    """Labels from a random teacher in which the first feature matters most; test rows sorted by it."""
    g = torch.Generator().manual_seed(seed)
    w1 = 0.5 * torch.randn(d, 16, generator=g)
    w2 = torch.randn(16, k, generator=g)
    direction = torch.linspace(-1.0, 1.0, k)
    X = torch.randn(n_train + n_test, d, generator=g)
    y = (torch.tanh(X @ w1) @ w2 + 4.0 * X[:, :1] * direction).argmax(1)
    Xt, yt = X[n_train:], y[n_train:]
    order = torch.argsort(Xt[:, 0])
    Xt, yt = Xt[order].clone(), yt[order].clone()
    # The same account twice, at the end of one chunk and the start of the next (still sorted).
    Xt[DUP + 1], yt[DUP + 1] = Xt[DUP], yt[DUP]
    return X[:n_train], y[:n_train], Xt, yt


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
        if not torch.allclose(logits[DUP].double(), logits[DUP + 1].double(), atol=1e-5, rtol=1e-4):
            return (f"rows {DUP} and {DUP + 1} of X_test are the same account, scored in neighbouring chunks, "
                    "but got different scores: a row's score must not depend on the rows that share its chunk")
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
    return [_case(13, 8, 3, "8 features, 3 risk classes, test rows sorted by account age")]


def hidden(level, rng):
    cases = [
        _case(rng.randrange(2**31), 8, 3, "8 features, 3 classes, test rows sorted by the first feature"),
        _case(rng.randrange(2**31), 10, 4, "10 features, 4 classes, test rows sorted by the first feature"),
    ]
    for _ in range(2):
        cases.append(_case(rng.randrange(2**31), rng.choice([6, 8, 10]), rng.choice([3, 4]),
                           "random teacher, test rows sorted by the first feature"))
    return cases
