# trap: memory: 400 queries x 12000 points, k = 15
# models: full distance matrix: right answers, but the whole (m, n) distance matrix at once
# caught by: test 2.1 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import numpy as np


def knn_predict(x_train, y_train, x_query, k):
    # right answers, but the whole (m, n) distance matrix at once
    d2 = (x_query * x_query).sum(axis=1)[:, None] - 2.0 * (x_query @ x_train.T) + (x_train * x_train).sum(axis=1)
    order = np.argsort(d2, axis=1, kind="stable")[:, :k]
    classes = int(y_train.max()) + 1
    votes = np.zeros((len(x_query), classes), dtype=np.int64)
    np.add.at(votes, (np.arange(len(x_query))[:, None], y_train[order]), 1)
    return votes.argmax(axis=1)
