def are_sentences_similar(sentence1: list[str], sentence2: list[str], similar_pairs: list[list[str]]) -> bool:
    """Return True when the sentences have equal length and each aligned word pair
    is identical or listed (in either order) in similar_pairs. Not transitive."""
    raise NotImplementedError
