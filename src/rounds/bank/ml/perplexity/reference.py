import numpy as np


def _token_nll(logits, targets):
    m = logits.max(axis=-1, keepdims=True)
    logz = (m + np.log(np.exp(logits - m).sum(axis=-1, keepdims=True)))[..., 0]
    picked = np.take_along_axis(logits, targets[..., None], axis=-1)[..., 0]
    return logz - picked  # -log softmax(logits)[target]


def perplexity(logits, targets, mask):
    nll = _token_nll(logits, targets) * mask
    return float(np.exp(nll.sum() / mask.sum()))  # every counted token weighs the same


def evaluation_report(logits, targets, mask, n_bytes):
    nll = _token_nll(logits, targets) * mask
    per_seq = nll.sum(axis=1) / mask.sum(axis=1)
    return {
        "corpus_ppl": float(np.exp(nll.sum() / mask.sum())),
        "seq_ppl": np.exp(per_seq),
        "bits_per_byte": float(nll.sum() / np.log(2) / n_bytes.sum()),  # nats -> bits, per byte of text
    }
