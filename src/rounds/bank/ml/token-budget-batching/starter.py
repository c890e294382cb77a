def token_budget_batches(lengths, max_tokens):
    """Group sequences into batches whose padded size stays within a token budget.

    lengths: list of ints >= 1; max_tokens: int. Visit indices sorted by (length, index). Add each to
    the current batch if (batch size + 1) * (longest length including it) <= max_tokens; otherwise
    close the batch and start a new one with it. Raise ValueError if any length exceeds max_tokens.
    Return the list of batches (lists of indices, in the order added).
    """
    raise NotImplementedError
