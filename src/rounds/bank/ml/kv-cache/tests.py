"""Decoding streams for the KV-cache attention class.

Every stream builds ``CachedAttention`` from float64 weights and feeds tokens
one at a time (level 1), in chunks (level 2) or with a sliding window (level 3),
asking for the cache between steps. The reference equals full causal attention
recomputed from scratch (checked in the project's tests). A long decoding
stream at level 1 is where recomputing past keys and values runs out of time.
"""

import torch

from rounds.testkit import Ops, floats, op

step_checker = floats(atol=1e-10, rtol=1e-8)


def _weights(g, d):
    return tuple(torch.randn(d, d, generator=g, dtype=torch.float64) / d**0.5 for _ in range(4))


def _tokens(g, n, d):
    return torch.randn(n, d, generator=g, dtype=torch.float64)


def decode_stream(seed, d, h, n, note, window=None, chunks=None, probe_every=3, probe_cache=True):
    """Ops: optional prefill chunks, single steps, and cache probes between them."""
    g = torch.Generator().manual_seed(seed)
    init = _weights(g, d) + ((h,) if window is None else (h, window))
    X = _tokens(g, n, d)
    ops = []
    i = 0
    for size in chunks or []:
        ops.append(op("prefill", X[i:i + size]))
        ops.append(op("cache_len"))
        i += size
    k = 0
    while i < n:
        ops.append(op("step", X[i]))
        i += 1
        k += 1
        if k % probe_every == 0:
            ops.append(op("cache_len"))
            if probe_cache:
                ops.append(op("cache"))
    ops.append(op("cache_len"))
    if probe_cache:
        ops.append(op("cache"))
    return Ops(ops, init=init, note=note)


def examples(level):
    if level == 1:
        return [decode_stream(1, 8, 2, 4, "d = 8, two heads, four tokens", probe_every=1)]
    if level == 2:
        return [decode_stream(2, 8, 2, 6, "a prompt of 4 tokens, then 2 decoding steps", chunks=[4])]
    return [decode_stream(3, 8, 2, 7, "window of 3 over 7 tokens", window=3, chunks=[4])]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            decode_stream(s(), 4, 1, 1, "one token: attends only to itself"),
            decode_stream(s(), 8, 1, 6, "a single head"),
            decode_stream(s(), 16, 4, 12, "four heads: each head reads its own slice of the features"),
            decode_stream(s(), 12, 3, 9, "three heads of width 4: the scale is 1/sqrt(head width)"),
            decode_stream(s(), 32, 2, 20, "twenty steps, the cache grows by one position per step", probe_every=1),
        ]
        for _ in range(3):
            h = rng.choice([1, 2, 4])
            cases.append(decode_stream(s(), h * rng.choice([2, 4, 8]), h, rng.randint(3, 25), "random sizes"))
        long = decode_stream(s(), 512, 8, 500, "500 decoding steps at d = 512: past keys and values must come "
                             "from the cache, not be recomputed", probe_every=50, probe_cache=False)
        long.cpu_ms = 4000
        cases.append(long)
        return cases
    if level == 2:
        cases = [
            decode_stream(s(), 8, 2, 5, "prefill the whole prompt, no steps", chunks=[5]),
            decode_stream(s(), 16, 4, 10, "prefill 6 tokens, then 4 steps", chunks=[6]),
            decode_stream(s(), 16, 2, 12, "chunked prefill: 4 + 3 + 2 tokens, then steps: the causal mask "
                          "is offset by what is already cached", chunks=[4, 3, 2]),
            decode_stream(s(), 12, 3, 8, "prefill of a single token", chunks=[1, 1]),
        ]
        for _ in range(3):
            h = rng.choice([1, 2, 4])
            n = rng.randint(4, 20)
            first = rng.randint(1, n - 2)
            cases.append(decode_stream(s(), h * 4, h, n, "random prompt and chunk sizes",
                                       chunks=[first, rng.randint(1, n - first - 1)]))
        return cases
    cases = [
        decode_stream(s(), 8, 2, 6, "window 1: each token attends only to itself", window=1),
        decode_stream(s(), 16, 4, 12, "window 4, single steps: the cache never exceeds 4 positions",
                      window=4, probe_every=1),
        decode_stream(s(), 16, 2, 14, "window 3 with a prompt longer than the window", window=3, chunks=[6]),
        decode_stream(s(), 12, 3, 15, "window 5 with chunked prefill", window=5, chunks=[4, 4]),
        decode_stream(s(), 8, 1, 5, "a window larger than the whole sequence", window=50, chunks=[2]),
    ]
    for _ in range(3):
        h = rng.choice([1, 2, 4])
        n = rng.randint(6, 24)
        cases.append(decode_stream(s(), h * 4, h, n, "random window and prompt", window=rng.randint(1, 8),
                                   chunks=[rng.randint(1, n // 2)]))
    return cases
