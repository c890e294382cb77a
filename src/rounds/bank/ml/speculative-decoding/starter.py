import numpy as np


def speculative_step(p, q, draft, u_accept, u_sample):
    """One round of speculative sampling. Returns the emitted tokens as a list of ints.

    p: (gamma + 1, V) target distributions (row i for the position of draft[i], row gamma after it);
    q: (gamma, V) draft distributions; draft: list of gamma token ids sampled from q;
    u_accept: (gamma,) and u_sample: (gamma + 1,) uniforms in [0, 1).
    Accept draft[i] iff u_accept[i] < p[i, x] / q[i, x]. At the first rejection emit a token from
    max(p[i] - q[i], 0) using u_sample[i] and stop. If all are accepted, emit a bonus token from p[gamma]
    using u_sample[gamma]. Sampling from weights w with u: the smallest j with cumsum(w)[j] > u * sum(w).
    """
    raise NotImplementedError
