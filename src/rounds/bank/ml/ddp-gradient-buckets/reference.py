import numpy as np


def assign_buckets(param_bytes, bucket_cap, first_bucket_cap):
    buckets, current, size = [], [], 0
    cap = first_bucket_cap
    for i in reversed(range(len(param_bytes))):  # gradients arrive roughly in reverse order
        current.append(i)
        size += param_bytes[i]
        if size >= cap:  # close once the cap is reached; a parameter is never split
            buckets.append(current)
            current, size = [], 0
            cap = bucket_cap
    if current:
        buckets.append(current)
    return buckets


def reduce_buckets(grads_per_rank, buckets, ready_order):
    world = len(grads_per_rank)
    missing = [len(b) for b in buckets]
    where = {p: k for k, b in enumerate(buckets) for p in b}
    launched_at = [0] * len(buckets)
    next_bucket = 0
    for step, p in enumerate(ready_order, start=1):
        missing[where[p]] -= 1
        # Buckets are reduced strictly in index order: a ready bucket waits for all earlier ones.
        while next_bucket < len(buckets) and missing[next_bucket] == 0:
            launched_at[next_bucket] = step
            next_bucket += 1
    n_params = len(grads_per_rank[0])
    averaged = []
    for i in range(n_params):
        total = grads_per_rank[0][i].copy()
        for r in range(1, world):
            total = total + grads_per_rank[r][i]
        averaged.append(total / world)
    return averaged, launched_at
