# trap: 100k layers on 50 GPUs: needs the binary search, not the O(k n^2) DP
# models: dp quadratic: best[i]: minimal max for nums[:i] with the parts used so far; O(k * n^2) DP
# caught by: test 1.19 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def split_array(nums, k):
    n = len(nums)
    prefix = [0]
    for x in nums:
        prefix.append(prefix[-1] + x)
    inf = float("inf")
    best = [0] + [inf] * n  # best[i]: minimal max for nums[:i] with the parts used so far
    for _ in range(k):  # O(k * n^2) DP
        nxt = [inf] * (n + 1)
        for i in range(1, n + 1):
            for j in range(i):
                cand = max(best[j], prefix[i] - prefix[j])
                if cand < nxt[i]:
                    nxt[i] = cand
        best = nxt
    return best[n]
