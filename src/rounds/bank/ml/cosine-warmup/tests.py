from rounds.testkit import Call, floats

checker = floats(atol=1e-12, rtol=1e-12)


def examples(level):
    if level == 1:
        return [Call((0, 1e-3, 10, 110), name="step 0"), Call((5, 1e-3, 10, 110), name="mid warm-up"),
                Call((10, 1e-3, 10, 110), name="end of warm-up"), Call((60, 1e-3, 10, 110), name="mid cosine"),
                Call((500, 1e-3, 10, 110), {"min_lr": 1e-4}, name="after the end")]
    return [Call((3, 1.0, 2, 5, 4), entry="wsd_lr", name="stable"), Call((8, 1.0, 2, 5, 4), entry="wsd_lr", name="decaying"),
            Call((11, 1.0, 2, 5, 4), {"min_lr": 0.1}, entry="wsd_lr", name="after the decay")]


def hidden(level, rng):
    if level == 1:
        cases = [
            Call((0, 3e-4, 100, 1000), note="step 0 of warm-up: 0"),
            Call((1, 3e-4, 100, 1000), note="step 1 of warm-up"),
            Call((99, 3e-4, 100, 1000), note="last warm-up step"),
            Call((100, 3e-4, 100, 1000), note="warm-up ends exactly at base_lr"),
            Call((101, 3e-4, 100, 1000), note="first cosine step after the peak"),
            Call((550, 3e-4, 100, 1000, 3e-5), note="mid-way with a floor"),
            Call((999, 3e-4, 100, 1000, 3e-5), note="one step before the end"),
            Call((1000, 3e-4, 100, 1000, 3e-5), note="step = total: the floor"),
            Call((5000, 3e-4, 100, 1000, 3e-5), note="long after the end: stays at the floor"),
            Call((0, 1.0, 0, 10), note="no warm-up: step 0 is the peak"),
            Call((7, 1.0, 0, 10), note="no warm-up, cosine only"),
            Call((3, 2.0, 1, 5, 2.0), note="min = base: constant after warm-up"),
        ]
        for _ in range(6):
            total = rng.randint(2, 5000)
            warm = rng.randint(0, total - 1)
            base = rng.choice([1e-4, 6e-4, 0.1, 1.0])
            cases.append(Call((rng.randint(0, total + 50), base, warm, total, base * rng.choice([0.0, 0.1])),
                              note="random schedule"))
        return cases
    cases = [
        Call((0, 1.0, 4, 3, 2), entry="wsd_lr", note="step 0: 0"),
        Call((4, 1.0, 4, 3, 2), entry="wsd_lr", note="end of warm-up: base"),
        Call((6, 1.0, 4, 3, 2), entry="wsd_lr", note="last stable step"),
        Call((7, 1.0, 4, 3, 2), entry="wsd_lr", note="first decay step still at base"),
        Call((8, 1.0, 4, 3, 2, 0.2), entry="wsd_lr", note="half-way through a two-step decay"),
        Call((9, 1.0, 4, 3, 2, 0.2), entry="wsd_lr", note="decay finished: the floor"),
        Call((0, 1.0, 0, 0, 5), entry="wsd_lr", note="no warm-up, no stable phase"),
        Call((3, 0.5, 0, 0, 5), entry="wsd_lr", note="decay only"),
    ]
    for _ in range(6):
        w, s, d = rng.randint(0, 200), rng.randint(0, 500), rng.randint(1, 300)
        cases.append(Call((rng.randint(0, w + s + d + 20), rng.choice([3e-4, 1.0]), w, s, d, rng.choice([0.0, 1e-5])),
                          entry="wsd_lr", note="random schedule"))
    return cases
