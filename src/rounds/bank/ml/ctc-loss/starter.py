import numpy as np


def ctc_loss(log_probs, target, blank=0):
    """Negative log-likelihood of target under CTC, as a Python float (inf if impossible).

    log_probs: (T, C) float64 log-softmax outputs; target: list of ints in [0, C), none equal to blank.
    """
    raise NotImplementedError


def ctc_loss_batch(log_probs, targets, input_lengths, target_lengths, blank=0):
    """Level 2: log_probs (T, B, C); targets: concatenated int64 labels of all sequences;
    input_lengths, target_lengths: (B,) int64. Return mean over b of loss_b / max(target_length_b, 1)."""
    raise NotImplementedError
