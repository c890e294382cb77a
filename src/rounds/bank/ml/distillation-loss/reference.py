import numpy as np


def _log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))


def distillation_loss(student_logits, teacher_logits, labels, T, alpha):
    B = student_logits.shape[0]
    log_ps = _log_softmax(student_logits / T)
    log_pt = _log_softmax(teacher_logits / T)
    kl = (np.exp(log_pt) * (log_pt - log_ps)).sum() / B  # KL(teacher || student), mean over examples
    ce = -_log_softmax(student_logits)[np.arange(B), labels].mean()  # hard labels at temperature 1
    return float(alpha * T * T * kl + (1 - alpha) * ce)  # T^2 keeps the soft term's gradient scale


def distillation_grad(student_logits, teacher_logits, labels, T, alpha):
    B = student_logits.shape[0]
    ps_T = np.exp(_log_softmax(student_logits / T))
    pt_T = np.exp(_log_softmax(teacher_logits / T))
    p = np.exp(_log_softmax(student_logits))
    onehot = np.zeros_like(p)
    onehot[np.arange(B), labels] = 1.0
    # d/dz of T^2 KL(pt || softmax(z / T)) is T (ps_T - pt_T)
    return (alpha * T * (ps_T - pt_T) + (1 - alpha) * (p - onehot)) / B
