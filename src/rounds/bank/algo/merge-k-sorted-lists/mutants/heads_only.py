import heapq


def merge_k_lists(lists):
    heads = [lst[0] for lst in lists]  # crashes on an empty list
    out = []
    for lst in lists:
        out.extend(lst)
    heapq.heapify(heads)
    return sorted(out)
