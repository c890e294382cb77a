def word_break(s, word_dict):
    words = set(word_dict)

    def go(i, left):  # each vocabulary word may be used only once
        if i == len(s):
            return True
        for w in list(left):
            if s.startswith(w, i) and go(i + len(w), left - {w}):
                return True
        return False

    return go(0, frozenset(words))
