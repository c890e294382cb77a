# trap: ties in the log's first-seen order
# models: includes empty prefix: prefixes typed[:0] .. typed[:len - 1]: off by one
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
from collections import Counter


def suggest(history, typed, k):
    counts = Counter(history)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    out = []
    for i in range(len(typed)):  # prefixes typed[:0] .. typed[:len - 1]: off by one
        p = typed[:i]
        out.append([w for w in ranked if w.startswith(p)][:k])
    return out
