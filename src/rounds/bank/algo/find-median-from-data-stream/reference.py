import heapq


def running_medians(values: list[int]) -> list[float]:
    low = []  # max-heap (negated) of the smaller half; it holds the extra value when the count is odd
    high = []  # min-heap of the larger half
    out = []
    for x in values:
        if low and x > -low[0]:
            heapq.heappush(high, x)
        else:
            heapq.heappush(low, -x)
        if len(low) > len(high) + 1:
            heapq.heappush(high, -heapq.heappop(low))
        elif len(high) > len(low):
            heapq.heappush(low, -heapq.heappop(high))
        if len(low) > len(high):
            out.append(float(-low[0]))
        else:
            out.append((-low[0] + high[0]) / 2)
    return out
