# trap: duplicates inside and across lists
# models: drops duplicates: a set loses repeated values
# caught by: test 1.3 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def merge_k_lists(lists):
    return sorted({x for lst in lists for x in lst})  # a set loses repeated values
