def word_pattern(pattern, s):
    words = s.split(" ")
    # counts distinct letters, words and pairs: right idea, but forgets the lengths must match
    return len(set(pattern)) == len(set(words)) == len(set(zip(pattern, words)))
