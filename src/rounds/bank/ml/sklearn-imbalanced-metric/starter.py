import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def evaluate_fraud_model(X_train, y_train, X_val, y_val, X_test, y_test, C):
    """Fit StandardScaler + LogisticRegression(C=C, tol=1e-8, max_iter=10_000) on the training rows.

    Returns (validation average precision, threshold, test F1) as three Python floats: the
    threshold is the validation score t maximising the validation F1 of "flag when score >= t"
    (ties within 1e-12: the largest t), and the test F1 is measured at that threshold.
    No argument is modified.
    """
    raise NotImplementedError
