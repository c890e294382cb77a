# trap: integer grid: many distance ties
# models: argpartition ties: arbitrary among ties
# caught by: test 1.5 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import numpy as np


def knn_predict(x_train, y_train, x_query, k):
    out = []
    for q in x_query:
        d2 = ((x_train - q) ** 2).sum(axis=1)
        nearest = np.argpartition(d2, k - 1)[:k] if k < len(d2) else np.arange(len(d2))  # arbitrary among ties
        out.append(np.bincount(y_train[nearest], minlength=int(y_train.max()) + 1).argmax())
    return np.array(out, dtype=np.int64)
