def are_sentences_similar_two(sentence1: list[str], sentence2: list[str], similar_pairs: list[list[str]]) -> bool:
    """Return True when the sentences have equal length and aligned words are in the
    same synonym cluster (reflexive, symmetric, transitive closure of the pairs)."""
    raise NotImplementedError
