import heapq


def merge_k_lists(lists):
    heap = [(lst[0], i, 0) for i, lst in enumerate(lists) if lst]
    heapq.heapify(heap)
    out = []
    while heap:
        value, i, j = heapq.heappop(heap)
        out.append(value)
        if j + 1 >= len(lists[i]):
            break  # stops as soon as any list runs out
        heapq.heappush(heap, (lists[i][j + 1], i, j + 1))
    return out
