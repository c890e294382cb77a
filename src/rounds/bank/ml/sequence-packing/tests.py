"""Padding collate and sequence packing, checked exactly (keys, dtypes, shapes and values).

Token ids are drawn so that the pad id also occurs as a real token in some cases: masks must come
from the lengths, never from comparing ids with pad_id.
"""

import random

import numpy as np

from rounds.testkit import Call, custom

inputs_unchanged = True

_KEYS1 = {"input_ids": np.int64, "attention_mask": np.int64, "position_ids": np.int64, "labels": np.int64}
_KEYS2 = {"input_ids": np.int64, "position_ids": np.int64, "labels": np.int64, "attention_mask": np.bool_}


def _dict_check(keys):
    def check(actual, expected, args):
        if not isinstance(actual, dict):
            return f"return a dict, got {type(actual).__name__}"
        if set(actual) != set(keys):
            return f"the dict's keys must be exactly {sorted(keys)}, got {sorted(map(str, actual))}"
        for k, dt in keys.items():
            a, e = actual[k], expected[k]
            if not isinstance(a, np.ndarray):
                return f"{k} is a {type(a).__name__}, expected a numpy array"
            if a.dtype != dt:
                return f"{k} has dtype {a.dtype}, expected {np.dtype(dt)}"
            if a.shape != e.shape:
                return f"{k} has shape {a.shape}, expected {e.shape}"
            bad = np.argwhere(a != e)
            if bad.size:
                idx = tuple(int(i) for i in bad[0])
                return f"{k} differs at {len(bad)} positions, first at index {idx} (got {a[idx]})"
        return None

    return custom(check)


collate_check = _dict_check(_KEYS1)
pack_check = _dict_check(_KEYS2)
checker = collate_check


def _seqs(r, n, lo, hi, vocab=50):
    return [[r.randrange(vocab) for _ in range(r.randint(lo, hi))] for _ in range(n)]


def _collate(seqs, pad_id, side, note, name=""):
    return Call((seqs, pad_id, side), check=collate_check, note=note, name=name)


def _pack(seqs, max_len, pad_id, note, name=""):
    return Call((seqs, max_len, pad_id), entry="pack", check=pack_check, note=note, name=name)


def examples(level):
    if level == 1:
        return [_collate([[5, 6, 7], [8]], 0, "left", "left padding: positions start at the first real token",
                         name="left padding"),
                _collate([[5, 6, 7], [8]], 0, "right", "right padding", name="right padding")]
    return [_pack([[1, 2, 3], [4, 5], [6, 7, 8, 9]], 5, 0, "two rows; positions restart per sequence",
                  name="three sequences, rows of 5")]


def hidden(level, rng):
    r = random.Random(rng.randrange(2**32))
    if level == 1:
        cases = [
            _collate([[3]], 0, "right", "one sequence of one token: nothing to pad"),
            _collate([[1, 2], [3, 4]], 0, "left", "equal lengths: no padding on either side"),
            _collate([[1, 2, 3, 4], [5]], 0, "right", "right padding: position 0 at every padding slot"),
            _collate([[1, 2, 3, 4], [5], [6, 7]], 9, "left",
                     "left padding: the first real token has position 0, whatever precedes it"),
            _collate([[2, 0, 2], [0], [7, 2]], 2, "right",
                     "the pad id 2 also occurs as a real token: the mask comes from the lengths"),
            _collate([[0, 0, 0, 1], [0, 5]], 0, "left", "pad id 0 inside the sequences, left padding"),
            _collate(_seqs(r, 256, 1, 512, vocab=1000), 0, "left", "256 sequences up to 512 tokens, left"),
            _collate(_seqs(r, 256, 1, 512, vocab=1000), 0, "right", "256 sequences up to 512 tokens, right"),
        ]
        for _ in range(3):
            cases.append(_collate(_seqs(r, r.randint(1, 8), 1, 12, vocab=5), r.randrange(5),
                                  r.choice(["left", "right"]), "random batch"))
        return cases
    cases = [
        _pack([[7]], 4, 0, "one token: its label is -100 (no previous token predicts it)"),
        _pack([[1, 2], [3, 4, 5]], 5, 0, "an exact fit: one full row, no padding"),
        _pack([[1, 2, 3], [4, 5, 6, 7], [8, 9]], 5, 0,
              "the third sequence would fit in the first row, but rows are filled in order"),
        _pack([[1, 2, 3, 4, 5, 6, 7, 8], [9, 10]], 5, 0, "a sequence longer than a row is truncated to max_len"),
        _pack([[0, 1, 0], [0, 0]], 6, 0, "the pad id 0 is also a real token: masks come from the packing"),
        _pack([[1], [2], [3], [4]], 4, 0, "four one-token sequences: every label is -100, the mask is diagonal"),
        _pack([[1, 2, 3, 4, 5, 6], [7, 8, 9], [10, 11]], 6, 99, "a full row, then a padded one"),
        _pack(_seqs(r, 500, 1, 20, vocab=30), 128, 0, "500 short sequences into rows of 128"),
        _pack(_seqs(r, 60, 1, 150, vocab=30), 128, 3, "60 sequences up to 150 tokens into rows of 128"),
    ]
    for _ in range(3):
        cases.append(_pack(_seqs(r, r.randint(1, 12), 1, 10, vocab=6), r.randint(1, 12), r.randrange(6),
                           "random packing"))
    return cases
