def word_pattern(pattern: str, s: str) -> bool:
    """Return True when the words of s (split on " ") follow pattern one-to-one.

    Each letter maps to exactly one word and no two letters share a word;
    a length mismatch is False.
    """
    raise NotImplementedError
