import numpy as np


def kmeans(x, centroids, max_iter=100):
    """Lloyd's algorithm from the given centroids; returns (centroids, labels).

    Ties go to the lowest centroid index; an empty cluster keeps its centroid;
    stop when the labels no longer change or after max_iter updates.
    """
    raise NotImplementedError


def kmeans_plus_plus(x, k, u):
    """Level 2: indices of k seeds; u[0] picks the first, u[j] inverse-CDF samples by D^2."""
    raise NotImplementedError
