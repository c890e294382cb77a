# trap: popularity beats string order
# models: no aggregation: ignores popularity: lexicographic only
# caught by: test 1.3 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def suggest(history, typed, k):
    words = sorted(set(history))  # ignores popularity: lexicographic only
    out = []
    for i in range(1, len(typed) + 1):
        p = typed[:i]
        out.append([w for w in words if w.startswith(p)][:k])
    return out
