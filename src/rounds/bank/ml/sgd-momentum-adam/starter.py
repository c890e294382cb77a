import numpy as np


def sgd_momentum_step(param, grad, velocity, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    """One torch.optim.SGD step: returns (new_param, new_velocity)."""
    raise NotImplementedError


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    """Level 2: one torch.optim.Adam step (t starts at 1): returns (new_param, new_m, new_v)."""
    raise NotImplementedError


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01):
    """Level 3: one torch.optim.AdamW step (decoupled decay first): returns (new_param, new_m, new_v)."""
    raise NotImplementedError
