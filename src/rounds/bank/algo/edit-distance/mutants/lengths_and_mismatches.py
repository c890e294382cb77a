def min_distance(word1, word2):
    # position-by-position mismatches plus the length difference: ignores shifting by an insert
    return sum(a != b for a, b in zip(word1, word2)) + abs(len(word1) - len(word2))
