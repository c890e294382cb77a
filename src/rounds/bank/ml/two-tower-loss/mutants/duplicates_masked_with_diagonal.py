import torch


def in_batch_softmax_loss(q, d, temperature, log_q=None, item_ids=None):
    qn = q / q.norm(dim=1, keepdim=True).clamp_min(1e-12)
    dn = d / d.norm(dim=1, keepdim=True).clamp_min(1e-12)
    scores = qn @ dn.T / temperature  # (B, B): query i against every item in the batch
    if log_q is not None:
        scores = scores - log_q[None, :]  # sampled-softmax correction for popular items
    if item_ids is not None:
        same = item_ids[:, None] == item_ids[None, :]
        scores = scores.masked_fill(same, float("-inf"))  # the same item elsewhere is not a negative
    log_probs = scores - torch.logsumexp(scores, dim=1, keepdim=True)
    return -log_probs.diagonal().mean()
