import numpy as np


def shaped_rewards(scores, logp, logp_ref, mask, beta):
    """Per-token rewards for PPO-based RLHF.

    scores (B,) float64: the reward model's score of each response; logp, logp_ref (B, T) float64:
    log-probs of the sampled tokens under the policy and the reference model; mask (B, T) int64,
    1 on response tokens (a contiguous run, at least one per row). Return (B, T) float64:
    -beta * (logp - logp_ref) on response tokens, 0 elsewhere, plus scores[b] on row b's last
    response token.
    """
    raise NotImplementedError


def gae(rewards, values, mask, gamma, lam):
    """Level 2: (advantages, returns), each (B, T) float64, 0 outside the mask.

    delta_t = r_t + gamma * V_{t+1} - V_t with V after the last response token taken as 0;
    A_t = delta_t + gamma * lam * A_{t+1}; returns = A + V.
    """
    raise NotImplementedError
