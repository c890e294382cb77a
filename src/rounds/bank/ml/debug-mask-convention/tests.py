"""Hidden data sets for the ticket-classifier debug problem.

Sequences of token ids, right-padded with 0. The verdict rests on the losses
the script reports and on its raw scores for held-out tickets whose labels
never leave the host.
"""

import math

import torch

from rounds.testkit import Call, custom, same_run

STEPS = 150
TAIL = 50
LOSS_TARGET = 0.3
ACC_MIN = 0.85
TEST_CE_MAX = 0.4
LENGTH = 24


def _data(seed: int, vocab: int, k: int, n_train: int = 512, n_test: int = 256):
    """Each class owns a few signal tokens; a ticket mixes them with noise tokens."""
    g = torch.Generator().manual_seed(seed)
    ids = torch.randperm(vocab - 1, generator=g) + 1
    signal = ids[: 4 * k].view(k, 4)
    noise = ids[4 * k:]
    n = n_train + n_test
    y = torch.randint(0, k, (n,), generator=g)
    lengths = torch.randint(4, 21, (n,), generator=g)
    tokens = torch.zeros(n, LENGTH, dtype=torch.int64)
    for i in range(n):
        L = int(lengths[i])
        row = noise[torch.randint(0, len(noise), (L,), generator=g)]
        is_signal = torch.rand(L, generator=g) < 0.3
        is_signal[torch.randint(0, L, (1,), generator=g)] = True
        row[is_signal] = signal[y[i], torch.randint(0, 4, (int(is_signal.sum()),), generator=g)]
        tokens[i, :L] = row
    return tokens[:n_train], y[:n_train], tokens[n_train:], y[n_train:]


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


def _case(seed: int, vocab: int, k: int, note: str) -> Call:
    X, y, Xt, yt = _data(seed, vocab, k)
    return Call((X, y, Xt, seed % 1000), check=_grader(yt, k), note=note)


def examples(level):
    return [_case(5, 60, 3, "vocabulary of 60, 3 classes")]


def hidden(level, rng):
    cases = [
        _case(rng.randrange(2**31), 60, 3, "vocabulary of 60, 3 classes"),
        _case(rng.randrange(2**31), 80, 4, "vocabulary of 80, 4 classes"),
    ]
    for _ in range(2):
        cases.append(_case(rng.randrange(2**31), rng.choice([50, 70, 100]), rng.choice([3, 4]), "random tickets"))
    return cases
