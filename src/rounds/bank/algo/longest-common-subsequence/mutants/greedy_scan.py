def longest_common_subsequence(text1, text2):
    count, j = 0, 0
    for a in text1:  # greedily matches each character at its next occurrence
        k = text2.find(a, j)
        if k >= 0:
            count += 1
            j = k + 1
    return count
