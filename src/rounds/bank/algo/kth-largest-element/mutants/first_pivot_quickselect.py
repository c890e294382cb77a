def find_kth_largest(nums, k):
    items = list(nums)
    target = len(items) - k
    lo, hi = 0, len(items) - 1
    while True:
        pivot = items[lo]  # first element as pivot: sorted input makes every partition lopsided, O(n^2)
        left = [x for x in items[lo:hi + 1] if x < pivot]
        mid = [x for x in items[lo:hi + 1] if x == pivot]
        right = [x for x in items[lo:hi + 1] if x > pivot]
        items[lo:hi + 1] = left + mid + right
        if target < lo + len(left):
            hi = lo + len(left) - 1
        elif target < lo + len(left) + len(mid):
            return pivot
        else:
            lo = lo + len(left) + len(mid)
