# trap: counts distinct characters: ignores contiguity
# models: distinct count
# caught by: test 1.10 (WA: random small session)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def length_of_longest_substring(s):
    return len(set(s))  # counts distinct characters: ignores contiguity
