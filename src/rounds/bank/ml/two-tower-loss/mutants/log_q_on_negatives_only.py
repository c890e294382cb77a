import torch


def in_batch_softmax_loss(q, d, temperature, log_q=None, item_ids=None):
    qn = q / q.norm(dim=1, keepdim=True).clamp_min(1e-12)
    dn = d / d.norm(dim=1, keepdim=True).clamp_min(1e-12)
    scores = qn @ dn.T / temperature  # (B, B): query i against every item in the batch
    if log_q is not None:
        corr = log_q[None, :].expand_as(scores).clone()
        corr.fill_diagonal_(0.0)
        scores = scores - corr  # correct the negatives only
    if item_ids is not None:
        same = item_ids[:, None] == item_ids[None, :]
        same.fill_diagonal_(False)
        scores = scores.masked_fill(same, float("-inf"))  # the same item elsewhere is not a negative
    log_probs = scores - torch.logsumexp(scores, dim=1, keepdim=True)
    return -log_probs.diagonal().mean()
