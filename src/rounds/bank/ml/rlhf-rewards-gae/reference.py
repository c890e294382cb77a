import numpy as np


def shaped_rewards(scores, logp, logp_ref, mask, beta):
    rewards = -beta * (logp - logp_ref) * mask  # a KL penalty on every response token
    last = mask.shape[1] - 1 - np.argmax(mask[:, ::-1], axis=1)  # the last response token of each row
    rewards[np.arange(len(scores)), last] += scores  # the reward model's score, once, at the end
    return rewards


def gae(rewards, values, mask, gamma, lam):
    B, T = rewards.shape
    adv = np.zeros((B, T))
    last = np.zeros(B)
    for t in range(T - 1, -1, -1):  # backwards in time
        m = mask[:, t]
        next_v = values[:, t + 1] * mask[:, t + 1] if t + 1 < T else np.zeros(B)  # 0 after the last token
        delta = rewards[:, t] + gamma * next_v - values[:, t]
        last = np.where(m > 0, delta + gamma * lam * last, 0.0)
        adv[:, t] = last
    returns = (adv + values) * mask
    return adv, returns
