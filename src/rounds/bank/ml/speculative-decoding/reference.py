import numpy as np


def _inverse_cdf(weights, u):
    """The smallest index j with weights[0] + ... + weights[j] > u * sum(weights)."""
    c = np.cumsum(weights)
    return int(np.searchsorted(c, u * c[-1], side="right"))


def speculative_step(p, q, draft, u_accept, u_sample):
    gamma = len(draft)
    out = []
    for i in range(gamma):
        x = draft[i]
        if u_accept[i] < p[i, x] / q[i, x]:  # accept with probability min(1, p / q)
            out.append(int(x))
            continue
        residual = np.maximum(p[i] - q[i], 0.0)  # what the draft under-proposes
        out.append(_inverse_cdf(residual, u_sample[i]))
        return out  # stop at the first rejection
    out.append(_inverse_cdf(p[gamma], u_sample[gamma]))  # every draft accepted: one bonus token
    return out
