import numpy as np


def softmax(x, axis=-1):
    e = np.exp(np.clip(x, -700, 700))  # avoids inf but distorts large logits
    return e / e.sum(axis=axis, keepdims=True)
