import torch


def greedy(logits):
    """logits: float64 (B, V). Returns int64 (B,): the index of each row's largest logit (the lowest
    index among ties)."""
    raise NotImplementedError


def sample(logits, temperature, n, seed):
    """Level 2: n independent draws per row from softmax(logits / temperature).

    logits: float64 (B, V), possibly with -inf entries (never drawn); temperature >= 0 (0 means
    greedy); seed: int for a torch.Generator. Returns int64 (B, n).
    """
    raise NotImplementedError
