import torch


def lora_forward(x, W, b, A, B, alpha):
    """Output of a linear layer with a LoRA adapter.

    x: (..., d_in); W: (d_out, d_in) frozen; b: (d_out,); A: (r, d_in); B: (d_out, r); alpha: float.
    Returns x W^T + b + (alpha / r) (x A^T) B^T, shape (..., d_out), float64.
    """
    raise NotImplementedError


def merge(W, A, B, alpha):
    """Level 2: the merged weight W + (alpha / r) B A, a new (d_out, d_in) tensor; W is not modified."""
    raise NotImplementedError


def unmerge(W_merged, A, B, alpha):
    """Level 2: undo merge: the original W, a new tensor; W_merged is not modified."""
    raise NotImplementedError


def lora_grads(x, W, b, A, B, alpha, grad_out):
    """Level 3: (grad_A, grad_B), the gradients of sum(lora_forward(...) * grad_out) w.r.t. A and B."""
    raise NotImplementedError
