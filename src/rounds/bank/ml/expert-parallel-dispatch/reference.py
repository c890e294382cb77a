import numpy as np


def dispatch_plan(expert_ids, num_experts, world_size):
    per_rank = num_experts // world_size  # experts r*per_rank .. (r+1)*per_rank - 1 live on rank r
    send_counts = np.zeros((world_size, world_size), dtype=np.int64)
    orders = []
    for r, ids in enumerate(expert_ids):
        dest = ids // per_rank
        send_counts[r] = np.bincount(dest, minlength=world_size)
        orders.append(np.argsort(ids, kind="stable").astype(np.int64))  # by expert, then by position
    return send_counts, orders


def all_to_all(features, expert_ids, num_experts, world_size):
    send_counts, orders = dispatch_plan(expert_ids, num_experts, world_size)
    received, received_experts = [], []
    for q in range(world_size):
        chunks, eids = [], []
        for r in range(world_size):  # receive from senders in rank order
            start = int(send_counts[r, :q].sum())
            sel = orders[r][start:start + send_counts[r, q]]  # sender r's rows for rank q, in its sorted order
            chunks.append(features[r][sel])
            eids.append(expert_ids[r][sel])
        received.append(np.concatenate(chunks, axis=0))
        received_experts.append(np.concatenate(eids).astype(np.int64))
    return received, received_experts
