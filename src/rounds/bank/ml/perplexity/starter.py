import numpy as np


def perplexity(logits, targets, mask):
    """exp(total NLL / number of counted tokens), as a Python float.

    logits (B, T, V) float64, already aligned: logits[b, t] scores targets[b, t]; targets (B, T)
    int64; mask (B, T) int64, 1 for tokens that count. NLL = -log softmax(logits)[target], natural log.
    """
    raise NotImplementedError


def evaluation_report(logits, targets, mask, n_bytes):
    """Level 2: {"corpus_ppl": float, "seq_ppl": (B,) float64, "bits_per_byte": float}.

    seq_ppl[b] = exp(mean NLL over row b's counted tokens); bits_per_byte = total NLL in bits /
    total bytes (n_bytes: (B,) int64, the UTF-8 length of each row's counted text).
    """
    raise NotImplementedError
