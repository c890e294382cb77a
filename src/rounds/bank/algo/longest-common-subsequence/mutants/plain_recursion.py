# trap: 20 characters, reversed: plain recursion is exponential
# models: plain recursion: no memo: exponential
# caught by: test 1.19 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def longest_common_subsequence(text1, text2):
    def go(i, j):  # no memo: exponential
        if i == len(text1) or j == len(text2):
            return 0
        if text1[i] == text2[j]:
            return 1 + go(i + 1, j + 1)
        return max(go(i + 1, j), go(i, j + 1))

    return go(0, 0)
