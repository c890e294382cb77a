from rounds.testkit import Call


def examples(level):
    return [
        Call(([1, 2, 5], 11), expected=3, name="classic"),
        Call(([2], 3), expected=-1, name="impossible"),
        Call(([1], 0), expected=0, name="nothing to buy"),
    ]


def hidden(level, rng):
    cases = [
        Call(([7], 0), note="amount 0 needs no blocks, even without a size 1"),
        Call(([3], 3), note="one block equal to the amount"),
        Call(([1, 3, 4], 6), note="greedy takes 4 + 1 + 1; 3 + 3 is better"),
        Call(([2, 5, 10], 6), note="greedy gets stuck where 2 + 2 + 2 works"),
        Call(([5, 10], 3), note="smaller than every block: -1"),
        Call(([2**31 - 1], 10_000), note="a block larger than the amount"),
        Call(([3, 7], 11), note="needs a block several times"),
    ]
    cases.append(Call(([7, 11], 1_000), note="amount 1000 from sizes 7 and 11: plain recursion is exponential",
                      cpu_ms=500))
    for _ in range(10):
        coins = rng.sample(range(1, 30), rng.randint(1, 4))
        cases.append(Call((coins, rng.randint(0, 200)), note="random sizes"))
    cases.append(Call(([3, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43], 9_999),
                      note="12 sizes, amount 9999: needs the O(k * amount) DP"))
    cases.append(Call(([186, 419, 83, 408], 6249), note="large amount, awkward sizes"))
    return cases


expected_complexity = "O(k * amount)"
