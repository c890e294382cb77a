def word_pattern(pattern: str, s: str) -> bool:
    words = s.split(" ")
    if len(words) != len(pattern):
        return False
    to_word, to_letter = {}, {}
    for letter, word in zip(pattern, words):
        if to_word.setdefault(letter, word) != word:
            return False
        if to_letter.setdefault(word, letter) != letter:
            return False
    return True
