import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler


def cv_r2(X, y, alpha, n_splits, seed):
    """R^2 of StandardScaler + Ridge(alpha) on each validation fold of
    KFold(n_splits, shuffle=True, random_state=seed); the scaler sees only the fold's training rows.

    Returns float64 (n_splits,), in fold order. X and y are not modified.
    """
    raise NotImplementedError
