import numpy as np


def _forward(x, w1, b1, w2, b2):
    a1 = x @ w1 + b1
    h = np.maximum(a1, 0.0)
    z = h @ w2 + b2
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return a1, h, logp


def mlp_loss(x, y, w1, b1, w2, b2):
    _, _, logp = _forward(x, w1, b1, w2, b2)
    return float(-logp[np.arange(len(y)), y].mean())


def mlp_backward(x, y, w1, b1, w2, b2):
    a1, h, logp = _forward(x, w1, b1, w2, b2)
    n = len(y)
    dz = np.exp(logp)
    dz[np.arange(n), y] -= 1.0
    dw2, db2 = h.T @ dz, dz.sum(axis=0)
    da1 = (dz @ w2.T) * (a1 > 0)
    dw1, db1 = x.T @ da1, da1.sum(axis=0)
    return dw1, db1, dw2, db2


def train_mlp(x, y, num_classes, seed=0):
    hidden, steps, lr = 32, 1000, 0.5
    rng = np.random.default_rng(seed)
    d = x.shape[1]
    params = [rng.normal(size=(d, hidden)) * np.sqrt(2.0 / d), np.zeros(hidden),
              rng.normal(size=(hidden, num_classes)) * np.sqrt(1.0 / hidden), np.zeros(num_classes)]
    for _ in range(steps):
        grads = mlp_backward(x, y, *params)
        for p, g in zip(params, grads):
            p -= lr * g
    return tuple(params)
