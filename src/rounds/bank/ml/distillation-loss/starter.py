import numpy as np


def distillation_loss(student_logits, teacher_logits, labels, T, alpha):
    """Hinton-style distillation loss as a Python float.

    student_logits, teacher_logits: (B, C) float64; labels: (B,) int64; T > 0; 0 <= alpha <= 1.
    alpha * T^2 * KL(softmax(teacher / T) || softmax(student / T)) + (1 - alpha) * CE(student, labels),
    where KL is summed over classes and averaged over the B examples, CE is the mean cross-entropy at
    temperature 1, natural logs.
    """
    raise NotImplementedError


def distillation_grad(student_logits, teacher_logits, labels, T, alpha):
    """Level 2: the (B, C) float64 gradient of distillation_loss with respect to student_logits."""
    raise NotImplementedError
