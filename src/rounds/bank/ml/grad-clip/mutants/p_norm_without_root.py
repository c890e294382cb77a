import math

import torch


def clip_grad_norm(grads, max_norm, norm_type=2.0):
    if not grads:
        return [], 0.0
    if norm_type == math.inf:
        total = max(g.abs().max().item() if g.numel() else 0.0 for g in grads)
    else:
        per_tensor = torch.stack([torch.linalg.vector_norm(g, norm_type) for g in grads])
        total = sum((g.abs() ** norm_type).sum().item() for g in grads)
    coef = min(max_norm / (total + 1e-6), 1.0)
    return [g * coef for g in grads], total
