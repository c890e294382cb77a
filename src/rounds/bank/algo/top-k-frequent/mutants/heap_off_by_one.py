import heapq
from collections import Counter


def top_k_frequent(nums, k):
    counts = Counter(nums)
    heap = []
    for v, c in counts.items():
        heapq.heappush(heap, (c, -v))
        if len(heap) >= k:  # pops one too early: keeps only k - 1
            heapq.heappop(heap)
    heap.sort(reverse=True)
    return [-v for _, v in heap]
