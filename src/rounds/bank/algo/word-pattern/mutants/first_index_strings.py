def word_pattern(pattern, s):
    words = s.split(" ")
    if len(words) != len(pattern):
        return False
    # compares first-occurrence indices, but of the letters in the *sorted* order: loses positions
    return sorted(map(pattern.index, pattern)) == sorted(map(words.index, words))
