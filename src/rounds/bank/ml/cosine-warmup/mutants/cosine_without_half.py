import math


def cosine_warmup_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    if step >= total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (base_lr - min_lr) * math.cos(math.pi * progress)  # swings down to -base


def wsd_lr(step, base_lr, warmup_steps, stable_steps, decay_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * step / warmup_steps
    step -= warmup_steps
    if step < stable_steps:
        return float(base_lr)
    step -= stable_steps
    if step >= decay_steps:
        return float(min_lr)
    return base_lr + (min_lr - base_lr) * step / decay_steps
