from rounds.testkit import Call


def examples(level):
    return [
        Call(([3, 2, 3],), expected=3, name="small majority"),
        Call(([2, 2, 1, 1, 1, 2, 2],), expected=2, name="interleaved"),
        Call(([1, 2, 1, 2],), expected=None, name="exactly half"),
    ]


def hidden(level, rng):
    cases = [
        Call(([],), note="no votes: None"),
        Call(([7],), note="one vote is a majority"),
        Call(([5, 5],), note="two equal votes"),
        Call(([1, 2],), note="two different votes: no majority"),
        Call(([4, 4, 1, 2],), note="exactly half of an even count is not a majority"),
        Call(([1, 2, 3, 1, 2, 3, 3],), note="a plurality is not a majority: Boyer-Moore needs a second pass"),
        Call(([0, 1, 0, 1, 0],), note="a majority of zeros"),
        Call(([1, 1, 1, 2, 3, 4, 5],), note="a minority leads the sorted middle"),
        Call(([-10**9, 10**9, -10**9],), note="extreme values"),
        Call(([9, 9, 9, 9, 1, 2, 3, 4, 5],), note="the majority comes first"),
    ]
    for _ in range(10):
        n = rng.randint(1, 40)
        if rng.random() < 0.5:
            maj = rng.randint(-5, 5)
            nums = [maj] * (n // 2 + 1) + [rng.randint(-5, 5) for _ in range(n - n // 2 - 1)]
        else:
            nums = [rng.randint(-3, 3) for _ in range(n)]
        rng.shuffle(nums)
        cases.append(Call((nums,), note="random votes"))
    n = 200_000
    big = [rng.randint(0, 10**9) for _ in range(n)]
    cases.append(Call((big,), note="200k distinct-ish votes, no majority: needs O(n)", cpu_ms=500))
    return cases


expected_complexity = "O(n)"
