def longest_common_subsequence(text1: str, text2: str) -> int:
    prev = [0] * (len(text2) + 1)
    for a in text1:
        cur = [0]
        for j, b in enumerate(text2):
            cur.append(cur[j] + 1 if a == b else max(prev[j + 1], cur[j]))  # a match extends the same row: reuses a character
        prev = cur
    return prev[-1]
