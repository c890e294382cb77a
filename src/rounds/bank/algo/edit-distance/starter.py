def min_distance(word1: str, word2: str) -> int:
    """Return the Levenshtein distance: fewest single-character inserts, deletes
    or replacements (each costing 1) turning word1 into word2."""
    raise NotImplementedError
