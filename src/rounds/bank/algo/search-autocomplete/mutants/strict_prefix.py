from collections import Counter


def suggest(history, typed, k):
    counts = Counter(history)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    out = []
    for i in range(1, len(typed) + 1):
        p = typed[:i]
        out.append([w for w in ranked if w.startswith(p) and w != p][:k])  # drops the exact match
    return out
