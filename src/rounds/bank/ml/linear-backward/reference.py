def linear_forward(x, w, b):
    return x @ w.T + b


def linear_backward(x, w, b, dy):
    x2 = x.reshape(-1, x.shape[-1])
    dy2 = dy.reshape(-1, dy.shape[-1])
    return dy @ w, dy2.T @ x2, dy2.sum(axis=0)
