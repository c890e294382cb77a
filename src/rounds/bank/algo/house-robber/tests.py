from rounds.testkit import Call


def examples(level):
    return [
        Call(([1, 2, 3, 1],), expected=4, name="classic"),
        Call(([2, 7, 9, 3, 1],), expected=12, name="three nights"),
        Call(([2, 1, 1, 2],), expected=4, name="skip two in a row"),
    ]


def hidden(level, rng):
    cases = [
        Call(([],), note="no nights"),
        Call(([5],), note="one night"),
        Call(([1, 9],), note="two nights: the better one"),
        Call(([0, 0, 0],), note="all worthless"),
        Call(([5, 1, 1, 5],), note="the ends beat every alternating pattern"),
        Call(([3, 10, 3, 1, 2],), note="the best night's neighbours are lost"),
        Call(([2, 1, 3, 9, 1],), note="not the last night"),
    ]
    for _ in range(10):
        cases.append(Call(([rng.randint(0, 20) for _ in range(rng.randint(1, 20))],), note="random month"))
    cases.append(Call(([rng.randint(0, 10**4) for _ in range(40)],), note="40 nights: plain recursion is "
                      "exponential", cpu_ms=500))
    cases.append(Call(([rng.randint(0, 10**4) for _ in range(200_000)],), note="200k nights: needs O(n)"))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call(([rng.randint(0, 10**4) for _ in range(n)],), cpu_ms=1500))
            for n in (12500, 25000, 50000, 100000, 200000)]
