# trap: 30k windows: needs O(n log n)
# models: pairwise until stable: merges any overlapping pair and starts over: O(n^2) or worse
# caught by: test 1.19 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def merge(intervals):
    items = [list(iv) for iv in intervals]
    changed = True
    while changed:  # merges any overlapping pair and starts over: O(n^2) or worse
        changed = False
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                a, b = items[i], items[j]
                if a[0] <= b[1] and b[0] <= a[1]:
                    items[i] = [min(a[0], b[0]), max(a[1], b[1])]
                    del items[j]
                    changed = True
                    break
            if changed:
                break
    return sorted(items)
