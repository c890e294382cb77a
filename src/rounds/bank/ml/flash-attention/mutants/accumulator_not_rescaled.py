import numpy as np

BLOCK = 128


def _flash(q, k, v, causal):
    lq, d = q.shape
    lk, dv = v.shape
    scale = 1.0 / np.sqrt(d)
    out = np.empty((lq, dv))
    for qs in range(0, lq, BLOCK):
        qb = q[qs:qs + BLOCK] * scale
        nq = len(qb)
        m = np.full(nq, -np.inf)  # running row max
        ell = np.zeros(nq)  # running sum of exp(score - m)
        acc = np.zeros((nq, dv))  # running sum of exp(score - m) * v
        k_end = min(lk, qs + nq) if causal else lk
        for ks in range(0, k_end, BLOCK):
            s = qb @ k[ks:ks + BLOCK].T
            if causal and ks + BLOCK > qs:
                rows = np.arange(qs, qs + nq)[:, None]
                cols = np.arange(ks, ks + s.shape[1])[None, :]
                s = np.where(cols <= rows, s, -np.inf)
            m_new = np.maximum(m, s.max(axis=1))
            alpha = np.exp(m - m_new)  # rescales what was accumulated under the old max
            p = np.exp(s - m_new[:, None])
            ell = alpha * ell + p.sum(axis=1)
            acc = acc + p @ v[ks:ks + BLOCK]  # old blocks keep weights relative to the old max
            m = m_new
        out[qs:qs + nq] = acc / ell[:, None]
    return out


def flash_attention(q, k, v):
    return _flash(q, k, v, causal=False)


def flash_attention_causal(q, k, v):
    return _flash(q, k, v, causal=True)
