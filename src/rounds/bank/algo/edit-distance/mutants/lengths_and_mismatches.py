# trap: a shift: one delete and one insert, not six replacements
# models: lengths and mismatches: position-by-position mismatches plus the length difference:
#   ignores shifting by an insert
# caught by: test 1.6 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_distance(word1, word2):
    # position-by-position mismatches plus the length difference: ignores shifting by an insert
    return sum(a != b for a, b in zip(word1, word2)) + abs(len(word1) - len(word2))
