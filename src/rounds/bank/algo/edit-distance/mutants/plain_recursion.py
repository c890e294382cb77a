# trap: a realistic product title
# models: plain recursion: no memo: exponential
# caught by: test 1.9 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def min_distance(word1, word2):
    def go(i, j):  # no memo: exponential
        if i == len(word1):
            return len(word2) - j
        if j == len(word2):
            return len(word1) - i
        if word1[i] == word2[j]:
            return go(i + 1, j + 1)
        return 1 + min(go(i + 1, j + 1), go(i + 1, j), go(i, j + 1))

    return go(0, 0)
