import numpy as np


def filtered_probs(logits, top_k=0, top_p=1.0, temperature=1.0):
    """Temperature, then top-k, then top-p (shortest prefix with cumulative prob >= top_p).

    Ranking ties go to the lower token index. Returns float64 (V,) summing to 1.
    """
    raise NotImplementedError


def sample(logits, top_k, top_p, temperature, n, seed):
    """Level 2: n int64 draws from filtered_probs(...), using np.random.default_rng(seed)."""
    raise NotImplementedError
