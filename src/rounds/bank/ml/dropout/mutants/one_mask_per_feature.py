import torch


def _mask(shape, p, seed):
    g = torch.Generator().manual_seed(seed)
    return (torch.rand(shape[-1:], generator=g, dtype=torch.float64) >= p).expand(shape)  # True = kept


def dropout(x, p, training, seed):
    if not training or p == 0.0:
        return x.clone()
    if p == 1.0:
        return torch.zeros_like(x)
    return x * _mask(x.shape, p, seed) / (1.0 - p)


def dropout_with_grad(x, p, seed, grad_out):
    if p == 1.0:
        return torch.zeros_like(x), torch.zeros_like(grad_out)
    scale = _mask(x.shape, p, seed).to(x.dtype) / (1.0 - p)
    return x * scale, grad_out * scale
