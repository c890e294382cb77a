import numpy as np


def _log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> float:
    logp = _log_softmax(np.asarray(logits, dtype=np.float64))
    n = logp.shape[0]
    return float(-logp[np.arange(n), targets].mean())


def cross_entropy_grad(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    p = np.exp(_log_softmax(np.asarray(logits, dtype=np.float64)))
    n = p.shape[0]
    p[np.arange(n), targets] -= 1.0
    return p / n
