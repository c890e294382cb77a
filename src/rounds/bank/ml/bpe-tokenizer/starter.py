def train_bpe(words, num_merges):
    """Learn BPE merges over the characters of `words` (frequency-weighted).

    Most frequent adjacent pair first, ties by the lexicographically smallest pair;
    merge left to right without overlaps. Returns [(left, right), ...] in learned order.
    """
    raise NotImplementedError


def encode(words, merges):
    """Level 2: split each word into symbols by repeatedly applying the earliest-learned merge present."""
    raise NotImplementedError
