import numpy as np

IGNORE = -100


def _micro_grad(W, X, labels):
    """Sum (not mean) of the token losses of one micro-batch, its gradient, and its token count."""
    x = X.reshape(-1, X.shape[-1])
    y = labels.reshape(-1)
    keep = y != IGNORE
    x, y = x[keep], y[keep]
    if y.size == 0:
        return 0.0, np.zeros_like(W), 0
    logits = x @ W
    z = logits - logits.max(axis=1, keepdims=True)  # stable log-softmax
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    rows = np.arange(y.size)
    loss_sum = -logp[rows, y].sum()
    d = np.exp(logp)
    d[rows, y] -= 1.0  # d(loss_sum)/d(logits) = softmax - onehot
    return float(loss_sum), x.T @ d, int(y.size)


def accumulated_step(W, micro_batches, lr, max_norm):
    n_tokens = sum(int((lab != IGNORE).sum()) for _, lab in micro_batches)
    grad = np.zeros_like(W)
    loss = 0.0
    for X, labels in micro_batches:
        l_sum, g_sum, _ = _micro_grad(W, X, labels)
        # Each micro-batch is normalised by the token count of the whole accumulated batch.
        loss += l_sum / n_tokens
        grad += g_sum / n_tokens
    norm = float(np.sqrt((grad * grad).sum()))
    if max_norm is not None:
        coef = min(1.0, max_norm / (norm + 1e-6))  # clip once, after accumulating
        grad = grad * coef
    return W - lr * grad, loss, norm
