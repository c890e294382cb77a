def word_pattern(pattern, s):
    words = s.split(" ")
    if len(words) != len(pattern):
        return False
    to_word = {}
    for letter, word in zip(pattern, words):  # checks letter -> word only: two letters may share a word
        if to_word.setdefault(letter, word) != word:
            return False
    return True
