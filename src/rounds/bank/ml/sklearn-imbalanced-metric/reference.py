import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def _f1(y, flagged):
    tp = int(np.sum(flagged & (y == 1)))
    fp = int(np.sum(flagged & (y == 0)))
    fn = int(np.sum(~flagged & (y == 1)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _best_threshold(y, scores):
    # Sort by score, largest first; cumulative counts at the last row of every distinct score give
    # the confusion counts of "flag when score >= that value".
    order = np.argsort(-scores, kind="stable")
    s, yy = scores[order], y[order]
    tp = np.cumsum(yy == 1)
    fp = np.cumsum(yy == 0)
    last = np.r_[s[1:] != s[:-1], True]
    tp, fp, thresholds = tp[last], fp[last], s[last]
    f1 = 2 * tp / (2 * tp + fp + (tp[-1] - tp))
    # Thresholds run from the largest down: the first F1 within 1e-12 of the best is the largest tie.
    return float(thresholds[np.flatnonzero(f1 >= f1.max() - 1e-12)[0]])


def evaluate_fraud_model(X_train, y_train, X_val, y_val, X_test, y_test, C):
    model = make_pipeline(StandardScaler(), LogisticRegression(C=C, tol=1e-8, max_iter=10_000))
    model.fit(X_train, y_train)  # the training rows only: validation and test stay unseen
    p_val = model.predict_proba(X_val)[:, 1]
    p_test = model.predict_proba(X_test)[:, 1]
    ap = float(average_precision_score(y_val, p_val))  # from scores, not from 0/1 predictions
    threshold = _best_threshold(y_val, p_val)  # chosen on validation data, never on the test rows
    return ap, threshold, _f1(y_test, p_test >= threshold)
