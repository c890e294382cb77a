import numpy as np


def pca(x, k):
    mean = x.mean(axis=0)
    xc = x - mean
    cov = xc.T @ xc / (len(x) - 1)
    vals, vecs = np.linalg.eigh(cov)  # ascending; eigenvectors in the columns
    order = np.argsort(vals)[:k]  # eigh sorts ascending: these are the smallest
    comps = vecs[:, order].T
    big = np.abs(comps).argmax(axis=1)
    comps *= np.sign(comps[np.arange(k), big])[:, None]
    return comps, vals[order], xc @ comps.T
