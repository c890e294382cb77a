def word_pattern(pattern, s):
    words = s.lower().split(" ")  # "Dog" and "dog" are different words
    if len(words) != len(pattern):
        return False
    to_word, to_letter = {}, {}
    for letter, word in zip(pattern, words):
        if to_word.setdefault(letter, word) != word:
            return False
        if to_letter.setdefault(word, letter) != letter:
            return False
    return True
