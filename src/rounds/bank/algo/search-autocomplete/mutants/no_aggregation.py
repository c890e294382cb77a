def suggest(history, typed, k):
    words = sorted(set(history))  # ignores popularity: lexicographic only
    out = []
    for i in range(1, len(typed) + 1):
        p = typed[:i]
        out.append([w for w in words if w.startswith(p)][:k])
    return out
