from collections import Counter


def suggest(history, typed, k):
    counts = Counter(history)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    out = []
    for i in range(1, len(typed) + 1):
        p = typed[:i]
        found = [w for w in ranked if w.startswith(p)][:k]
        if not found:
            break  # returns fewer lists than keystrokes once nothing matches
        out.append(found)
    return out
