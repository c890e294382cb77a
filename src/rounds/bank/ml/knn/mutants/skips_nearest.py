# trap: queries equal to training points
# models: skips nearest: "skip the point itself", which is not in the training set
# caught by: test 1.4 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import numpy as np


def knn_predict(x_train, y_train, x_query, k):
    out = []
    for q in x_query:
        d2 = ((x_train - q) ** 2).sum(axis=1)
        nearest = np.argsort(d2, kind="stable")[1:k + 1]  # "skip the point itself", which is not in the training set
        out.append(np.bincount(y_train[nearest], minlength=int(y_train.max()) + 1).argmax())
    return np.array(out, dtype=np.int64)
