from collections import Counter


def suggest(history, typed, k):
    counts = Counter(history)
    out = []
    for i in range(1, len(typed) + 1):
        p = typed[:i]
        # filters and sorts the whole dictionary again for every keystroke: O(L * n log n)
        matches = sorted((w for w in counts if w.startswith(p)), key=lambda w: (-counts[w], w))
        out.append(matches[:k])
    return out
