import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def fit_predict_proba(X_train, y_train, X_test, cat_cols, C):
    cat_cols = list(cat_cols)
    num_cols = [j for j in range(X_train.shape[1]) if j not in cat_cols]
    prep = ColumnTransformer([
        ("num", StandardScaler(), num_cols),
        # A category first seen at prediction time gets all-zero indicators instead of an error.
        ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
    ])
    model = Pipeline([("prep", prep), ("clf", LogisticRegression(C=C, tol=1e-8, max_iter=10_000))])
    model.fit(X_train, y_train)  # every fitted statistic comes from the training rows
    return model.predict_proba(X_test)[:, 1].astype(np.float64)
