import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _top_k(probs, k):
    order = np.argsort(-probs, axis=1, kind="stable")[:, :k]  # descending; ties -> lower expert index
    return order, np.take_along_axis(probs, order, axis=1)


def route_top_k(logits, k, capacity):
    probs = _softmax(logits)  # over experts, per token
    idx, p = _top_k(probs, k)
    weights = p / p.sum(axis=1, keepdims=True)  # renormalised over the k chosen experts
    T, E = logits.shape
    load = np.zeros(E, dtype=np.int64)
    kept = np.zeros((T, k), dtype=bool)
    for j in range(k):  # every token's first choice before anyone's second choice
        for t in range(T):  # then in token order
            e = idx[t, j]
            if load[e] < capacity:
                load[e] += 1
                kept[t, j] = True
    return idx.astype(np.int64), weights, kept


def moe_forward(x, W_router, experts, k, capacity):
    logits = x @ W_router
    idx, weights, kept = route_top_k(logits, k, capacity)
    T, E = logits.shape
    y = np.zeros_like(x)
    for e in range(E):
        t, j = np.nonzero((idx == e) & kept)  # the tokens expert e actually processes
        if t.size:
            y[t] += weights[t, j][:, None] * (x[t] @ experts[e])
    probs = _softmax(logits)
    chosen = np.zeros(E)
    np.add.at(chosen, idx.ravel(), 1.0)  # router choices, before any capacity drop
    aux = float(E * np.sum(chosen / T * probs.mean(axis=0)))
    return y, aux
