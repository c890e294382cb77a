def merge(intervals: list[list[int]]) -> list[list[int]]:
    out = []
    for start, end in sorted(intervals):
        if out and start < out[-1][1]:  # treats touching windows as separate
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out
