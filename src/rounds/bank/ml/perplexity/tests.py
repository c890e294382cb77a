"""Perplexity and bits per byte against a float64 torch oracle on the host (cross_entropy with
reduction="none", masked and summed).

Cases mix sequences of very different counted lengths (token weighting versus sequence weighting),
padding with arbitrary targets, and logits of magnitude 1e3.
"""

import math

import numpy as np
import torch

from rounds.testkit import Call, custom, floats

inputs_unchanged = True
_f = floats(atol=1e-10, rtol=1e-9)
checker = _f


def _nll(logits, targets, mask):
    B, T, V = logits.shape
    nll = torch.nn.functional.cross_entropy(torch.tensor(logits).reshape(-1, V), torch.tensor(targets).reshape(-1),
                                            reduction="none").reshape(B, T)
    return nll * torch.tensor(mask, dtype=torch.float64)


def ppl_oracle(logits, targets, mask):
    nll = _nll(logits, targets, mask)
    return math.exp(float(nll.sum()) / float(mask.sum()))


def report_oracle(logits, targets, mask, n_bytes):
    nll = _nll(logits, targets, mask)
    return {"corpus_ppl": ppl_oracle(logits, targets, mask),
            "seq_ppl": torch.exp(nll.sum(1) / torch.tensor(mask.sum(1), dtype=torch.float64)).numpy(),
            "bits_per_byte": float(nll.sum()) / math.log(2) / float(n_bytes.sum())}


def _check_report(actual, expected, args):
    if not isinstance(actual, dict) or set(actual) != set(expected):
        return f"return a dict with exactly the keys {sorted(expected)}"
    for k in ("corpus_ppl", "bits_per_byte"):
        if not isinstance(actual[k], float):
            return f"{k} must be a Python float"
    for k in ("corpus_ppl", "seq_ppl", "bits_per_byte"):
        o = _f(actual[k], expected[k], args)
        if not o.ok:
            return f"{k}: {o.message}"
    return None


report_check = custom(_check_report)


def _batch(g, B, T, V, scale=2.0, lengths=None, offset=0.0):
    logits = g.normal(size=(B, T, V)) * scale + offset
    targets = g.integers(0, V, size=(B, T)).astype(np.int64)
    mask = np.zeros((B, T), dtype=np.int64)
    lengths = lengths or [int(g.integers(1, T + 1)) for _ in range(B)]
    for b, n in enumerate(lengths):
        mask[b, :n] = 1
    return logits, targets, mask


def _ppl(args, note, name=""):
    return Call(args, expected=ppl_oracle(*args), note=note, name=name)


def _rep(g, args, note, name=""):
    mask = args[2]
    n_bytes = (mask.sum(1) * g.integers(1, 6, size=mask.shape[0])).astype(np.int64)
    full = args + (n_bytes,)
    return Call(full, expected=report_oracle(*full), entry="evaluation_report", check=report_check, note=note,
                name=name)


def examples(level):
    if level == 1:
        args = (np.array([[[0.0, 0.0], [0.0, 0.0], [5.0, 5.0]]]), np.array([[0, 1, 0]]), np.array([[1, 1, 0]]))
        return [_ppl(args, "two counted tokens with probability 1/2 each", name="perplexity 2")]
    g = np.random.default_rng(2)
    return [_rep(g, _batch(g, 2, 4, 5, lengths=[1, 4]), "rows of 1 and 4 counted tokens", name="two rows")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = [
            _ppl(_batch(g, 1, 1, 3, lengths=[1]), "one token"),
            _ppl(_batch(g, 3, 8, 10, lengths=[8, 8, 8]), "no padding"),
            _ppl(_batch(g, 4, 16, 10, lengths=[1, 16, 2, 12]), "rows of 1 to 16 tokens: the mean is over tokens, "
                 "not over rows"),
            _ppl(_batch(g, 2, 10, 7, lengths=[3, 0]), "an all-padding row counts for nothing"),
            _ppl(_batch(g, 3, 6, 20, offset=1000.0), "logits around 1000: exp overflows without the max subtracted"),
            _ppl(_batch(g, 64, 64, 1000), "64 x 64 tokens over a vocabulary of 1000"),
        ]
        for _ in range(3):
            cases.append(_ppl(_batch(g, rng.randint(1, 6), rng.randint(1, 12), rng.randint(2, 30)), "random batch"))
        return cases
    cases = [
        _rep(g, _batch(g, 1, 5, 4, lengths=[5]), "one row: its perplexity is the corpus perplexity"),
        _rep(g, _batch(g, 3, 20, 8, lengths=[1, 20, 5]), "per-row means over each row's own tokens"),
        _rep(g, _batch(g, 4, 10, 6, offset=-1000.0), "logits around -1000: exp underflows to 0 without the max"),
        _rep(g, _batch(g, 64, 64, 1000), "64 rows"),
    ]
    for _ in range(3):
        cases.append(_rep(g, _batch(g, rng.randint(1, 6), rng.randint(1, 12), rng.randint(2, 30)), "random batch"))
    return cases
