"""Token-budget batches, checked exactly: budgets met exactly, ties in length, a long sequence that
raises a batch's padded size, one that cannot fit at all, and 100000 lengths."""

import random

from rounds.testkit import Call

inputs_unchanged = True


def _c(lengths, budget, note, name=""):
    return Call((list(lengths), budget), note=note, name=name)


def examples(level):
    return [_c([5, 2, 9, 2, 4], 10, "sorted by length; the padded size decides", name="five sequences")]


def hidden(level, rng):
    r = random.Random(rng.randrange(2**32))
    return [
        _c([], 10, "no sequences: no batches"),
        _c([3], 3, "one sequence exactly at the budget"),
        _c([4, 4, 4], 12, "three of length 4 fill 12 exactly: one batch"),
        _c([4, 4, 4, 4], 12, "the fourth would need 16: a second batch"),
        _c([3, 1, 3, 1, 3], 6, "equal lengths keep index order"),
        _c([1, 1, 1, 8], 9, "the long sequence raises the padded size of the whole batch: 4 x 8 > 9"),
        _c([2, 11, 3], 10, "a sequence longer than the budget: ValueError"),
        _c([r.randint(1, 1024) for _ in range(10**5)], 4096, "100000 sequences, budget 4096"),
        _c([r.randint(1, 10) for _ in range(40)], r.randint(10, 40), "random lengths"),
        _c([r.randint(1, 5) for _ in range(30)], r.randint(5, 20), "random lengths with many ties"),
    ]
