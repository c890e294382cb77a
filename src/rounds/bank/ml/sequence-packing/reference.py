import numpy as np

IGNORE = -100


def pad_collate(seqs, pad_id, side="right"):
    B = len(seqs)
    L = max(len(s) for s in seqs)
    input_ids = np.full((B, L), pad_id, dtype=np.int64)
    attention_mask = np.zeros((B, L), dtype=np.int64)
    position_ids = np.zeros((B, L), dtype=np.int64)
    labels = np.full((B, L), IGNORE, dtype=np.int64)
    for b, s in enumerate(seqs):
        n = len(s)
        cols = slice(0, n) if side == "right" else slice(L - n, L)
        input_ids[b, cols] = s
        attention_mask[b, cols] = 1
        position_ids[b, cols] = np.arange(n)  # positions count real tokens only, from 0
        labels[b, cols] = s
    return {"input_ids": input_ids, "attention_mask": attention_mask, "position_ids": position_ids,
            "labels": labels}


def pack(seqs, max_len, pad_id):
    rows, current, used = [], [], 0
    for s in seqs:
        s = list(s)[:max_len]  # a sequence longer than a row is truncated
        if used + len(s) > max_len:  # does not fit: close the row, in order (no looking back)
            rows.append(current)
            current, used = [], 0
        current.append(s)
        used += len(s)
    rows.append(current)
    R = len(rows)
    input_ids = np.full((R, max_len), pad_id, dtype=np.int64)
    position_ids = np.zeros((R, max_len), dtype=np.int64)
    labels = np.full((R, max_len), IGNORE, dtype=np.int64)
    segment = np.zeros((R, max_len), dtype=np.int64)  # 0 = padding, k = k-th sequence of the row
    for r, row in enumerate(rows):
        k = 0
        for i, s in enumerate(row):
            n = len(s)
            input_ids[r, k:k + n] = s
            position_ids[r, k:k + n] = np.arange(n)
            labels[r, k + 1:k + n] = s[1:]  # the first token is not a target: no prediction across a boundary
            segment[r, k:k + n] = i + 1
            k += n
    same = (segment[:, :, None] == segment[:, None, :]) & (segment[:, :, None] > 0)
    causal = np.tril(np.ones((max_len, max_len), dtype=bool))
    return {"input_ids": input_ids, "position_ids": position_ids, "labels": labels,
            "attention_mask": same & causal}
