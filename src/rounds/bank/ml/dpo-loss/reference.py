import numpy as np


def _softplus(z):
    """log(1 + exp(z)) without overflow: np.logaddexp(0, z)."""
    return np.logaddexp(0.0, z)


def bradley_terry_loss(r_chosen, r_rejected, margin=None):
    d = r_chosen - r_rejected
    if margin is not None:
        d = d - margin  # the chosen reward must win by at least the margin
    return float(np.mean(_softplus(-d)))  # -log sigmoid(d)


def sequence_logprobs(logits, input_ids, loss_mask):
    # logits[:, t] predicts input_ids[:, t + 1]: shift before gathering.
    pred = logits[:, :-1, :]
    target = input_ids[:, 1:]
    mask = loss_mask[:, 1:]
    m = pred.max(axis=-1, keepdims=True)
    logz = (m + np.log(np.exp(pred - m).sum(axis=-1, keepdims=True)))[..., 0]
    tok = np.take_along_axis(pred, target[..., None], axis=-1)[..., 0]
    return ((tok - logz) * mask).sum(axis=1)  # a sum over response tokens, not a mean


def dpo_loss(pi_chosen, pi_rejected, ref_chosen, ref_rejected, beta, label_smoothing=0.0):
    chosen_rewards = beta * (pi_chosen - ref_chosen)
    rejected_rewards = beta * (pi_rejected - ref_rejected)
    z = chosen_rewards - rejected_rewards
    losses = (1 - label_smoothing) * _softplus(-z) + label_smoothing * _softplus(z)
    return float(np.mean(losses)), chosen_rewards, rejected_rewards
