# trap: integer grid: many distance ties
# models: manhattan: L1 distance
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import numpy as np


def knn_predict(x_train, y_train, x_query, k):
    out = []
    for q in x_query:
        d = np.abs(x_train - q).sum(axis=1)  # L1 distance
        nearest = np.argsort(d, kind="stable")[:k]
        out.append(np.bincount(y_train[nearest], minlength=int(y_train.max()) + 1).argmax())
    return np.array(out, dtype=np.int64)
