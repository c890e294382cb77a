"""CTC losses against torch.nn.functional.ctc_loss in float64 on the host.

Cases include repeated labels (which need a blank between them), targets that barely fit or do
not fit at all (inf), empty targets, a blank that is not class 0, 1000-frame inputs whose path
probabilities underflow outside log space, and padded batches with the mean reduction.
"""

import numpy as np
import torch

from rounds.testkit import Call, floats

inputs_unchanged = True
checker = floats(atol=1e-9, rtol=1e-9)


def _lp(g, T, C, sharp=1.0):
    return torch.log_softmax(torch.tensor(g.normal(size=(T, C)) * sharp), -1).numpy()


def one_oracle(lp, target, blank):
    tg = torch.tensor([target], dtype=torch.long) if target else torch.zeros((1, 0), dtype=torch.long)
    v = torch.nn.functional.ctc_loss(torch.tensor(lp)[:, None], tg, torch.tensor([lp.shape[0]]),
                                     torch.tensor([len(target)]), blank=blank, reduction="sum")
    return float(v)


def batch_oracle(lp, targets, il, tl, blank):
    v = torch.nn.functional.ctc_loss(torch.tensor(lp), torch.tensor(targets), torch.tensor(il), torch.tensor(tl),
                                     blank=blank, reduction="mean")
    return float(v)


def _one(lp, target, note, blank=0, name=""):
    args = (lp, list(target)) if blank == 0 else (lp, list(target), blank)
    return Call(args, expected=one_oracle(lp, list(target), blank), note=note, name=name)


def _batch(g, T, il, tl, C, note, blank=0, name=""):
    lp = torch.log_softmax(torch.tensor(g.normal(size=(T, len(il), C))), -1).numpy()
    choices = [c for c in range(C) if c != blank]
    targets = np.array([choices[int(k)] for k in g.integers(0, len(choices), size=sum(tl))], dtype=np.int64)
    il, tl = np.array(il, dtype=np.int64), np.array(tl, dtype=np.int64)
    args = (lp, targets, il, tl) if blank == 0 else (lp, targets, il, tl, blank)
    return Call(args, expected=batch_oracle(lp, targets, il, tl, blank), entry="ctc_loss_batch", note=note,
                name=name)


def examples(level):
    if level == 1:
        return [_one(np.log(np.full((2, 2), 0.5)), [1], "three paths spell the target", name="two frames")]
    g = np.random.default_rng(3)
    return [_batch(g, 12, [12, 9], [2, 3], 4, "each loss is divided by its target length", name="two sequences")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = [
            _one(_lp(g, 1, 3), [2], "one frame, one label"),
            _one(_lp(g, 6, 4), [1, 1], "a repeated label needs a blank between: no skip from one 1 to the next"),
            _one(_lp(g, 3, 4), [1, 1], "T = 3 fits '1 blank 1' exactly"),
            _one(_lp(g, 2, 4), [1, 1], "T = 2 cannot fit a repeated pair: inf"),
            _one(_lp(g, 5, 4), [], "an empty target: every frame is blank"),
            _one(_lp(g, 8, 5), [0, 1, 1, 3], "the blank is class 4 here", blank=4),
            _one(_lp(g, 40, 6), [1, 2, 3, 4, 5, 1, 2], "forty frames, seven labels"),
            _one(_lp(g, 1000, 30, sharp=3.0), list(g.integers(1, 30, size=200)),
                 "1000 frames and 200 labels: path probabilities underflow outside log space"),
        ]
        for _ in range(3):
            T = rng.randint(1, 20)
            cases.append(_one(_lp(g, T, 5), list(g.integers(1, 5, size=rng.randint(0, 6))), "random sequence"))
        return cases
    cases = [
        _batch(g, 10, [10], [3], 4, "one sequence: its loss over its target length"),
        _batch(g, 20, [20, 8, 15], [5, 2, 0], 5, "input padding is ignored; an empty target divides by 1"),
        _batch(g, 30, [30, 30], [1, 10], 6, "lengths 1 and 10: divided before averaging"),
        _batch(g, 25, [25, 18, 25, 9], [3, 4, 6, 2], 7, "blank = 6", blank=6),
        _batch(g, 400, [400, 350, 300, 200], [80, 60, 40, 30], 20, "long utterances"),
    ]
    for _ in range(3):
        B = rng.randint(1, 4)
        T = rng.randint(5, 30)
        il = [rng.randint(max(1, T // 2), T) for _ in range(B)]
        tl = [rng.randint(0, max(0, n // 3)) for n in il]
        cases.append(_batch(g, T, il, tl, 5, "random batch"))
    return cases
