import numpy as np


def bradley_terry_loss(r_chosen, r_rejected, margin=None):
    """Mean over pairs of -log sigmoid(r_chosen - r_rejected - margin), as a Python float.

    r_chosen, r_rejected: (B,) float64 rewards; margin: (B,) float64 or None (no margin).
    Differences may reach +-1e4: never form exp of a large number.
    """
    raise NotImplementedError


def sequence_logprobs(logits, input_ids, loss_mask):
    """Level 2: (B,) float64, the summed log-probability of each sequence's response tokens.

    logits (B, T, V) float64, where logits[b, t] is the next-token distribution for input_ids[b, t + 1];
    input_ids (B, T) int64; loss_mask (B, T) int64, 1 on response tokens (loss_mask[:, 0] is 0).
    """
    raise NotImplementedError


def dpo_loss(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta, label_smoothing=0.0):
    """Level 3: (loss, chosen_rewards, rejected_rewards) from (B,) sequence log-probs.

    rewards = beta * (policy - reference); loss = mean of
    (1 - eps) * softplus(-(chosen_rewards - rejected_rewards)) + eps * softplus(chosen_rewards - rejected_rewards).
    """
    raise NotImplementedError
