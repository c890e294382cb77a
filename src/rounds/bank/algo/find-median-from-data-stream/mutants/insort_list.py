from bisect import insort


def running_medians(values):
    seen = []
    out = []
    for x in values:
        insort(seen, x)  # O(n) shifting per insert: O(n^2) overall
        m = len(seen)
        out.append(float(seen[m // 2]) if m % 2 else (seen[m // 2 - 1] + seen[m // 2]) / 2)
    return out
