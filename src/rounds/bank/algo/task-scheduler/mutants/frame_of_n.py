from collections import Counter


def least_interval(tasks: list[str], n: int) -> int:
    counts = Counter(tasks).values()
    most = max(counts)
    tied = sum(1 for c in counts if c == most)
    # The most frequent labels form `most - 1` full frames of n + 1 slots plus a last partial frame;
    # with enough other labels there is no idle time and the answer is just len(tasks).
    return max(len(tasks), (most - 1) * n + tied)  # a frame is n + 1 slots, not n
