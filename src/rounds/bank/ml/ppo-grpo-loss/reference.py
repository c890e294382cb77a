import numpy as np


def _surrogate(logp_new, logp_old, adv, clip_eps):
    ratio = np.exp(logp_new - logp_old)  # from log-probs: never exp(logp) / exp(logp)
    unclipped = ratio * adv
    clipped = np.clip(ratio, 1 - clip_eps, 1 + clip_eps) * adv
    return -np.minimum(unclipped, clipped), ratio  # the pessimistic of the two, as a loss


def ppo_clip_loss(logp_new, logp_old, advantages, mask, clip_eps):
    per_token, ratio = _surrogate(logp_new, logp_old, advantages, clip_eps)
    m = mask.astype(np.float64)
    n = m.sum()
    loss = float((per_token * m).sum() / n)  # mean over every valid token of the batch
    clip_fraction = float(((np.abs(ratio - 1) > clip_eps) * m).sum() / n)
    return loss, clip_fraction


def grpo_advantages(rewards, group_size):
    r = rewards.reshape(-1, group_size)  # consecutive completions share a prompt
    mean = r.mean(axis=1, keepdims=True)
    std = r.std(axis=1, ddof=1, keepdims=True)  # sample standard deviation
    return ((r - mean) / (std + 1e-4)).reshape(-1)


def grpo_loss(logp_new, logp_old, logp_ref, rewards, mask, group_size, clip_eps, beta):
    adv = grpo_advantages(rewards, group_size)[:, None]  # one advantage per completion, on every token
    per_token, _ = _surrogate(logp_new, logp_old, adv, clip_eps)
    d = logp_ref - logp_new
    kl = np.exp(d) - d - 1  # the k3 estimator of KL(policy || reference): >= 0 for every token
    per_token = per_token + beta * kl
    m = mask.astype(np.float64)
    per_seq = (per_token * m).sum(axis=1) / m.sum(axis=1)  # mean over each completion's own tokens
    return float(per_seq.mean())  # then over completions
