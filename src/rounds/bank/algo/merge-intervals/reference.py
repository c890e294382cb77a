def merge(intervals: list[list[int]]) -> list[list[int]]:
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:  # closed intervals: touching ones merge
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out
