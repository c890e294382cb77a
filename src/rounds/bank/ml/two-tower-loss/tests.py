"""In-batch softmax loss against a float64 oracle built on F.cross_entropy."""

import torch
import torch.nn.functional as F

from rounds.testkit import Call, floats

checker = floats(atol=1e-10, rtol=1e-9, dtype="float64")


def oracle(q, d, t, log_q=None, item_ids=None):
    s = F.normalize(q, dim=1) @ F.normalize(d, dim=1).T / t
    if log_q is not None:
        s = s - log_q
    if item_ids is not None:
        dup = (item_ids[:, None] == item_ids[None, :]) & ~torch.eye(len(q), dtype=torch.bool)
        s = s.masked_fill(dup, float("-inf"))
    return F.cross_entropy(s, torch.arange(len(q)))


def case(seed, B, k, t, note, logq=False, ids=None, aligned=0.0):
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(B, k, generator=g, dtype=torch.float64) * (1 + 3 * torch.rand(B, 1, generator=g, dtype=torch.float64))
    d = aligned * q + torch.randn(B, k, generator=g, dtype=torch.float64)
    args = [q, d, t]
    kw = {}
    if logq or ids is not None:
        counts = torch.rand(B, generator=g, dtype=torch.float64) * 100 + 1
        args.append(torch.log(counts / counts.sum() * 50) if logq else None)
    if ids is not None:
        args.append(torch.tensor(ids, dtype=torch.int64))
    want = oracle(*args)
    return Call(tuple(args), kwargs=kw, expected=want, note=note)


def examples(level):
    if level == 1:
        return [case(1, 3, 4, 0.1, "three query-item pairs, temperature 0.1")]
    if level == 2:
        return [case(2, 3, 4, 0.1, "with log sampling probabilities", logq=True)]
    return [case(3, 4, 4, 0.1, "item 7 appears twice in the batch", logq=True, ids=[7, 3, 7, 9])]


def hidden(level, rng):
    s = lambda: rng.randrange(2**31)  # noqa: E731
    if level == 1:
        cases = [
            case(s(), 1, 4, 0.1, "a batch of one: the only item is the positive, loss 0"),
            case(s(), 4, 8, 1.0, "temperature 1"),
            case(s(), 6, 8, 0.05, "temperature 0.05: scores divided by the temperature"),
            case(s(), 5, 16, 0.1, "embeddings of different lengths: cosine similarity, normalise first"),
            case(s(), 8, 8, 0.07, "queries close to their items: a small loss", aligned=3.0),
            case(s(), 3, 2, 0.2, "k = 2"),
        ]
        for _ in range(4):
            cases.append(case(s(), rng.randint(2, 32), rng.choice([4, 8, 16, 32]), rng.choice([0.05, 0.1, 0.5]),
                              "random batch"))
        return cases
    if level == 2:
        cases = [
            case(s(), 4, 8, 0.1, "logQ correction: subtract log q of each column's item", logq=True),
            case(s(), 6, 8, 1.0, "correction at temperature 1", logq=True),
            case(s(), 1, 4, 0.1, "a batch of one", logq=True),
            case(s(), 8, 16, 0.05, "the correction also applies to the positive's column", logq=True, aligned=2.0),
        ]
        for _ in range(3):
            cases.append(case(s(), rng.randint(2, 32), rng.choice([8, 16]), rng.choice([0.05, 0.1]),
                              "random batch with correction", logq=True))
        return cases
    cases = [
        case(s(), 4, 8, 0.1, "no duplicates: same as level 2", logq=True, ids=[1, 2, 3, 4]),
        case(s(), 4, 8, 0.1, "one item twice: neither copy is a negative for the other's query", logq=True,
             ids=[5, 5, 6, 7]),
        case(s(), 5, 8, 0.1, "an item three times", logq=True, ids=[2, 9, 2, 2, 4]),
        case(s(), 3, 8, 0.1, "every row the same item: only the diagonal is left", logq=True, ids=[8, 8, 8]),
    ]
    for _ in range(3):
        B = rng.randint(4, 24)
        cases.append(case(s(), B, 8, rng.choice([0.05, 0.1]), "random batch with repeated items", logq=True,
                          ids=[rng.randint(0, B // 2) for _ in range(B)]))
    return cases
