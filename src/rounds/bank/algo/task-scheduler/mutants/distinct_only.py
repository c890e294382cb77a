from collections import Counter


def least_interval(tasks, n):
    counts = Counter(tasks)
    most = max(counts.values())
    # assumes every other label fits in the first frame only
    return max(len(tasks), (most - 1) * (n + 1) + 1) if len(counts) == 1 else max(len(tasks), most * (n + 1) - n + len(counts) - 1)
