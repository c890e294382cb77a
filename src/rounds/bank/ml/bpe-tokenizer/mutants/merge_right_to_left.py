from collections import Counter


def _merge(symbols, a, b):
    out, i = [], len(symbols) - 1  # scans from the right: a a a becomes a aa
    while i >= 0:
        if i > 0 and symbols[i - 1] == a and symbols[i] == b:
            out.append(a + b)
            i -= 2
        else:
            out.append(symbols[i])
            i -= 1
    return out[::-1]


def train_bpe(words, num_merges):
    vocab = {w: list(w) for w in set(words)}
    freq = Counter(words)
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for w, syms in vocab.items():
            for x, y in zip(syms, syms[1:]):
                pairs[(x, y)] += freq[w]
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        for w in vocab:
            vocab[w] = _merge(vocab[w], *best)
    return merges


def encode(words, merges):
    rank = {tuple(m): i for i, m in enumerate(merges)}
    out = []
    for w in words:
        syms = list(w)
        while len(syms) > 1:
            cands = [(rank[p], p) for p in zip(syms, syms[1:]) if p in rank]
            if not cands:
                break
            _, (a, b) = min(cands)
            syms = _merge(syms, a, b)
        out.append(syms)
    return out
