import numpy as np


def ctc_loss(log_probs, target, blank=0):
    T = log_probs.shape[0]
    ext = [blank]
    for c in target:
        ext += [c, blank]  # blank, l1, blank, l2, ..., blank
    S = len(ext)
    ext = np.array(ext)
    # a label may be skipped to from two back unless it is a blank or repeats the label two back
    skip = np.zeros(S, dtype=bool)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.full(S, -np.inf)
    alpha[0] = log_probs[0, blank]
    if S > 1:
        alpha[1] = log_probs[0, ext[1]]
    for t in range(1, T):
        prev1 = np.r_[-np.inf, alpha[:-1]]
        prev2 = np.where(skip, np.r_[-np.inf, -np.inf, alpha[:-2]][:S], -np.inf)
        alpha = np.logaddexp(np.logaddexp(alpha, prev1), prev2) + log_probs[t, ext]
    total = np.logaddexp(alpha[-1], alpha[-2]) if S > 1 else alpha[-1]  # end on the last label or blank
    return float(-total)


def ctc_loss_batch(log_probs, targets, input_lengths, target_lengths, blank=0):
    losses = []
    offset = 0
    for b in range(log_probs.shape[1]):
        n = int(target_lengths[b])
        tgt = targets[offset:offset + n]  # targets are concatenated
        offset += n
        loss = ctc_loss(log_probs[:int(input_lengths[b]), b], tgt, blank)
        losses.append(loss / max(n, 1))  # PyTorch's "mean": divide by the target length first
    return float(np.mean(losses))
