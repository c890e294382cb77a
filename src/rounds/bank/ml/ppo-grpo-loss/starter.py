import numpy as np


def ppo_clip_loss(logp_new, logp_old, advantages, mask, clip_eps):
    """PPO's clipped surrogate as a loss, averaged over every valid token of the batch.

    logp_new, logp_old, advantages: (B, T) float64; mask: (B, T) int64, 1 on valid tokens.
    ratio = exp(logp_new - logp_old); per token: -min(ratio * A, clip(ratio, 1 - eps, 1 + eps) * A).
    Return (loss, clip_fraction) as Python floats; clip_fraction is the share of valid tokens with
    |ratio - 1| > clip_eps.
    """
    raise NotImplementedError


def grpo_advantages(rewards, group_size):
    """Level 2: (N,) float64. Consecutive groups of group_size rewards; (r - group mean) /
    (group sample std + 1e-4)."""
    raise NotImplementedError


def grpo_loss(logp_new, logp_old, logp_ref, rewards, mask, group_size, clip_eps, beta):
    """Level 3: the GRPO loss as a Python float.

    Per token: the level 1 term with the completion's level 2 advantage, plus
    beta * (exp(logp_ref - logp_new) - (logp_ref - logp_new) - 1). Average over each completion's
    valid tokens, then over completions.
    """
    raise NotImplementedError
