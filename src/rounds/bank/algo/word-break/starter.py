def word_break(s: str, word_dict: list[str]) -> bool:
    """Return True when s is a concatenation of one or more words of word_dict (reuse allowed)."""
    raise NotImplementedError
