import torch


def greedy(logits):
    return torch.argmax(logits, dim=-1)


def sample(logits, temperature, n, seed):
    g = torch.Generator().manual_seed(seed)
    z = logits / temperature
    probs = torch.softmax(z - z.max(dim=-1, keepdim=True).values, dim=-1)
    return torch.multinomial(probs, n, replacement=True, generator=g)
