"""Per-rank index lists of the distributed sampler, checked exactly.

The project's tests check the reference's properties independently: over all ranks every index
appears (drop_last: at most once; otherwise at least once), every
rank gets the same count, and the shuffle changes with the epoch but not with the rank.
"""

from rounds.testkit import Call


def _c(n, R, r, epoch, note, seed=0, shuffle=True, drop_last=False, name=""):
    return Call((n, R, r, epoch), kwargs=dict(seed=seed, shuffle=shuffle, drop_last=drop_last), note=note, name=name)


def examples(level):
    return [
        _c(10, 3, 0, 0, "no shuffle: rank 0 takes positions 0, 3, 6, 9", shuffle=False, name="strided"),
        _c(10, 3, 1, 0, "padded to 12 with order[0] and order[1]", shuffle=False, name="padding"),
        _c(10, 3, 2, 0, "drop_last keeps 9 entries", shuffle=False, drop_last=True, name="drop_last"),
        _c(2, 5, 4, 0, "two items, five ranks: the order wraps around twice", shuffle=False, name="n < R"),
    ]


def hidden(level, rng):
    seed = rng.randrange(10**6)
    cases = [
        _c(1, 1, 0, 0, "one item, one rank"),
        _c(12, 4, 3, 0, "12 over 4 ranks, shuffled: no padding needed", seed=seed),
        _c(12, 4, 1, 5, "the same sampler in epoch 5: a different permutation", seed=seed),
        _c(12, 4, 1, 0, "rank 1 in epoch 0: the permutation is shared by all ranks", seed=seed),
        _c(13, 4, 0, 2, "13 over 4 ranks: padded to 16 with the first three entries of the shuffled order",
           seed=seed),
        _c(13, 4, 3, 2, "the last rank receives the padding", seed=seed),
        _c(13, 4, 3, 2, "drop_last: 12 entries, 3 per rank", seed=seed, drop_last=True),
        _c(3, 8, 7, 1, "3 items over 8 ranks: the order is repeated until 8 entries", seed=seed),
        _c(3, 8, 7, 1, "3 items over 8 ranks with drop_last: nothing to read", seed=seed, drop_last=True),
        _c(25, 6, 4, 0, "shuffle off: the natural order, strided", shuffle=False),
        _c(25, 6, 5, 7, "shuffle off ignores the epoch", shuffle=False),
        _c(1000, 7, 6, 999, "a later epoch and another seed", seed=seed + 17),
        _c(10**6, 64, 63, 3, "a million items over 64 ranks", seed=seed),
        _c(10**6 + 1, 64, 0, 3, "one item more than a multiple of 64: 63 padding entries", seed=seed),
    ]
    for _ in range(4):
        n, R = rng.randint(1, 200), rng.randint(1, 16)
        cases.append(_c(n, R, rng.randrange(R), rng.randint(0, 50), "random sampler", seed=rng.randrange(10**6),
                        shuffle=rng.random() < 0.8, drop_last=rng.random() < 0.4))
    return cases
