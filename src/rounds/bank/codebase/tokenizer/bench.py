"""The benchmark: tokenizing a shard of protein sequences.

A protein is one long word: thousands of letters without a space. build(rng) makes a table of
3,000 merges over the 20 amino-acid letters, each joining two tokens that exist before it (as a
trained table's merges do, and never making a token twice), and 28 sequences of 4,000 letters
written with those tokens; run(inputs) asks merge_symbols for the tokens of every sequence.
"""

import hashlib

from subword.bpe import merge_symbols

AMINO = "ACDEFGHIKLMNPQRSTVWY"
MERGES = 3_000
SEQUENCES = 28
LENGTH = 4_000


def _pick(rng, tokens):
    return tokens[int(len(tokens) * rng.random() ** 2)]  # the early, short tokens more often


def build(rng):
    tokens = list(AMINO)
    known = set(tokens)
    ranks = {}
    while len(ranks) < MERGES:
        a, b = _pick(rng, tokens), _pick(rng, tokens)
        if a + b in known or len(a + b) > 12:
            continue
        ranks[(a, b)] = len(ranks)
        tokens.append(a + b)
        known.add(a + b)
    sequences = []
    for _ in range(SEQUENCES):
        parts, size = [], 0
        while size < LENGTH:
            t = rng.choice(tokens) if rng.random() < 0.7 else rng.choice(AMINO)
            parts.append(t)
            size += len(t)
        sequences.append(list("".join(parts)[:LENGTH]))
    return ranks, sequences


def run(inputs):
    ranks, sequences = inputs
    return [merge_symbols(symbols, ranks) for symbols in sequences]


def digest(result):
    return hashlib.sha256(repr(result).encode()).hexdigest()
