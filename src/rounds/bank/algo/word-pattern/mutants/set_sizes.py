# trap: the words repeat the pattern twice: still a length mismatch
# models: set sizes: counts distinct letters, words and pairs: right idea, but forgets the lengths
#   must match
# caught by: test 1.7 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def word_pattern(pattern, s):
    words = s.split(" ")
    # counts distinct letters, words and pairs: right idea, but forgets the lengths must match
    return len(set(pattern)) == len(set(words)) == len(set(zip(pattern, words)))
