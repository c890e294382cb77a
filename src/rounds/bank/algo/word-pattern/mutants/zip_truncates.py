def word_pattern(pattern, s):
    words = s.split(" ")
    to_word, to_letter = {}, {}
    for letter, word in zip(pattern, words):  # no length check: zip stops at the shorter one
        if to_word.setdefault(letter, word) != word:
            return False
        if to_letter.setdefault(word, letter) != letter:
            return False
    return True
