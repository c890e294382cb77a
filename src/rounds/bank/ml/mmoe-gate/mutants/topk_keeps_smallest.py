import torch


def _experts(x, expert_W, expert_b):
    return torch.relu(torch.einsum("bd,ehd->beh", x, expert_W) + expert_b)  # (B, E, h)


def _gate_logits(x, gate_W, gate_b):
    return torch.einsum("bd,ted->tbe", x, gate_W) + gate_b[:, None, :]  # (T, B, E)


def mmoe(x, expert_W, expert_b, gate_W, gate_b, top_k=None):
    experts = _experts(x, expert_W, expert_b)
    logits = _gate_logits(x, gate_W, gate_b)
    if top_k is not None and top_k < logits.shape[-1]:
        kth = logits.topk(top_k, dim=-1, largest=False).values[..., -1:]
        logits = logits.masked_fill(logits > kth, float("-inf"))
    gates = torch.softmax(logits, dim=-1)  # (T, B, E)
    return torch.einsum("tbe,beh->tbh", gates, experts)


def load_balance_loss(x, gate_W, gate_b):
    logits = _gate_logits(x, gate_W, gate_b)
    probs = torch.softmax(logits, dim=-1)  # (T, B, E)
    E = probs.shape[-1]
    top1 = torch.nn.functional.one_hot(logits.argmax(dim=-1), E).to(probs.dtype)
    f = top1.mean(dim=1)  # (T, E): share of rows routed to each expert
    P = probs.mean(dim=1)  # (T, E): mean gate probability of each expert
    return E * (f * P).sum(dim=-1)
