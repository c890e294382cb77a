def beam_search(log_probs, bos, eos, beam_width, max_len, length_alpha=0.0):
    """Beam search over a bigram log-prob table; finished hypotheses compete unchanged.

    Returns (generated tokens without bos, score). Ranking: higher score, then the
    lexicographically smaller sequence. Level 2: the final choice divides by len**length_alpha.
    """
    raise NotImplementedError
