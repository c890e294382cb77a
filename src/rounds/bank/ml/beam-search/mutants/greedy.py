def beam_search(log_probs, bos, eos, beam_width, max_len, length_alpha=0.0):
    vocab = len(log_probs)
    beam = [((bos,), 0.0, False)]  # (tokens including bos, summed log-prob, finished)
    for _ in range(max_len):
        if all(done for _, _, done in beam):
            break
        cands = []
        for seq, score, done in beam:
            if done:
                cands.append((seq, score, True))  # finished hypotheses stay and compete as they are
                continue
            row = log_probs[seq[-1]]
            for tok in range(vocab):
                cands.append((seq + (tok,), score + float(row[tok]), tok == eos))
        cands.sort(key=lambda c: (-c[1], c[0]))
        beam = cands[:1]  # the width is ignored

    def final(c):
        n = len(c[0]) - 1
        return c[1] / n**length_alpha if length_alpha else c[1]

    best = min(beam, key=lambda c: (-final(c), c[0]))
    return list(best[0][1:]), float(final(best))
