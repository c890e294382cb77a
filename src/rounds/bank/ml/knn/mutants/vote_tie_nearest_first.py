# trap: two neighbours at the same distance: the lower index wins
# models: vote tie nearest first: most_common keeps first-seen order on ties: the label of the
#   nearest point wins
# caught by: test 1.1 (WA)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
from collections import Counter

import numpy as np


def knn_predict(x_train, y_train, x_query, k):
    out = []
    for q in x_query:
        d2 = ((x_train - q) ** 2).sum(axis=1)
        nearest = np.argsort(d2, kind="stable")[:k]
        # most_common keeps first-seen order on ties: the label of the nearest point wins
        out.append(Counter(y_train[nearest].tolist()).most_common(1)[0][0])
    return np.array(out, dtype=np.int64)
