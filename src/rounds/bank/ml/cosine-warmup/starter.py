def cosine_warmup_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    """Linear warm-up from 0 over warmup_steps, cosine to min_lr at total_steps, then min_lr."""
    raise NotImplementedError


def wsd_lr(step, base_lr, warmup_steps, stable_steps, decay_steps, min_lr=0.0):
    """Level 2: linear warm-up, constant base_lr, linear decay to min_lr over decay_steps, then min_lr."""
    raise NotImplementedError
