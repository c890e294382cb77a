import torch


def lora_forward(x, W, b, A, B, alpha):
    r = A.shape[0]
    scale = alpha / r
    return x @ W.T + b + scale * ((x @ A.T) @ B.T)


def merge(W, A, B, alpha):
    r = A.shape[0]
    return W + (alpha / r) * (B @ A)


def unmerge(W_merged, A, B, alpha):
    r = A.shape[0]
    return W_merged - (r / alpha) * (B @ A)


def lora_grads(x, W, b, A, B, alpha, grad_out):
    r = A.shape[0]
    scale = alpha / r
    x2 = x.reshape(-1, x.shape[-1])
    g2 = grad_out.reshape(-1, grad_out.shape[-1])
    h = x2 @ A.T  # (N, r): the low-rank activations
    grad_B = scale * (g2.T @ h)
    grad_A = scale * ((g2 @ B).T @ x2)
    return grad_A, grad_B
