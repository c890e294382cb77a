import numpy as np


def sgd_momentum_step(param, grad, velocity, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    v = momentum * velocity + lr * g  # the Sutskever form, not PyTorch's
    step = lr * g + momentum * v if nesterov else v
    return param - step, v


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    g = grad + weight_decay * param
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01):
    param = param * (1 - lr * weight_decay)
    return adam_step(param, grad, m, v, t, lr, beta1, beta2, eps, 0.0)
