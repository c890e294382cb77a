import numpy as np

IGNORE = -100


def pad_collate(seqs, pad_id, side="right"):
    """Pad a batch of token lists to the longest one.

    seqs: list of B >= 1 non-empty lists of ints. side: "right" or "left" (where the padding goes).
    Return a dict of (B, L) int64 arrays, L = the longest length:
      input_ids (pad_id at padding), attention_mask (1 real, 0 padding),
      position_ids (0, 1, ... over each sequence's real tokens, 0 at padding),
      labels (the token id at real tokens, -100 at padding).
    """
    raise NotImplementedError


def pack(seqs, max_len, pad_id):
    """Level 2: pack sequences, in order, into rows of max_len tokens.

    Truncate each sequence to max_len; start a new row when the next sequence does not fit in the
    current one. Return a dict: input_ids, position_ids, labels (R, max_len) int64 and
    attention_mask (R, max_len, max_len) bool. Positions restart at 0 for every sequence; labels are
    -100 at padding and at the first token of every sequence; attention_mask[r, i, j] is True iff
    i and j are real tokens of the same sequence and j <= i.
    """
    raise NotImplementedError
