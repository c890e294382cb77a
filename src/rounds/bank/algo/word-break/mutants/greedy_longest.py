def word_break(s, word_dict):
    words = sorted(word_dict, key=len, reverse=True)
    i = 0
    while i < len(s):  # takes the longest word that fits: no backtracking
        for w in words:
            if s.startswith(w, i):
                i += len(w)
                break
        else:
            return False
    return True
