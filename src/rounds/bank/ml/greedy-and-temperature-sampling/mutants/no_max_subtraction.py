import torch


def greedy(logits):
    return torch.argmax(logits, dim=-1)


def sample(logits, temperature, n, seed):
    if temperature == 0:
        return greedy(logits).unsqueeze(-1).expand(-1, n).clone()
    g = torch.Generator().manual_seed(seed)
    z = logits / temperature
    e = torch.exp(z)
    probs = e / e.sum(dim=-1, keepdim=True)
    return torch.multinomial(probs, n, replacement=True, generator=g)
