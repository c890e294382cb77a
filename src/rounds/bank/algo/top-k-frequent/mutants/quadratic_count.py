# trap: 200k queries, ~90k distinct ids: needs O(n log n), not a scan per id
# models: quadratic count: one full scan per distinct value: O(n * d)
# caught by: test 1.19 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def top_k_frequent(nums, k):
    distinct = sorted(set(nums))
    counts = {v: nums.count(v) for v in distinct}  # one full scan per distinct value: O(n * d)
    return sorted(distinct, key=lambda v: (-counts[v], v))[:k]
