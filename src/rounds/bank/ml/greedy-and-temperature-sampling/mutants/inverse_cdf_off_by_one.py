import torch


def greedy(logits):
    return torch.argmax(logits, dim=-1)


def sample(logits, temperature, n, seed):
    if temperature == 0:
        return greedy(logits).unsqueeze(-1).expand(-1, n).clone()
    g = torch.Generator().manual_seed(seed)
    z = logits / temperature
    probs = torch.softmax(z - z.max(dim=-1, keepdim=True).values, dim=-1)
    cdf = probs.cumsum(-1)
    u = torch.rand(probs.shape[0], n, generator=g, dtype=probs.dtype)
    # Inverse CDF: should be the first index with cdf > u, i.e. searchsorted(cdf, u, right=True).
    return (torch.searchsorted(cdf, u) + 1).clamp(max=probs.shape[-1] - 1)
