from collections import Counter


def suggest(history, typed, k):
    counts = Counter(history)
    ranked = [w for w, _ in counts.most_common()]  # ties keep log order, not string order
    out = []
    for i in range(1, len(typed) + 1):
        p = typed[:i]
        out.append([w for w in ranked if w.startswith(p)][:k])
    return out
