import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def cv_r2(X, y, alpha, n_splits, seed):
    # The scaler is a step of the model, so cross_val_score refits it on each fold's training rows.
    model = make_pipeline(StandardScaler(), Ridge(alpha=alpha))
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = cross_val_score(model, X, y, cv=folds, scoring="r2")
    return np.asarray(scores, dtype=np.float64)
