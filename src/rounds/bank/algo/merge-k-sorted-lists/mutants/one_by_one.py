def merge_k_lists(lists):
    out = []
    for lst in lists:  # merges each list into the growing result: O(k * N)
        merged, i, j = [], 0, 0
        while i < len(out) and j < len(lst):
            if out[i] <= lst[j]:
                merged.append(out[i])
                i += 1
            else:
                merged.append(lst[j])
                j += 1
        merged.extend(out[i:])
        merged.extend(lst[j:])
        out = merged
    return out
