import torch


def greedy(logits):
    return torch.argmax(logits, dim=-1)


def sample(logits, temperature, n, seed):
    if temperature == 0:
        return greedy(logits).unsqueeze(-1).expand(-1, n).clone()
    g = torch.Generator().manual_seed(seed)
    z = logits / temperature
    probs = torch.softmax(z - z.max(dim=-1, keepdim=True).values, dim=-1)
    return torch.multinomial(probs, n, replacement=True, generator=g)
