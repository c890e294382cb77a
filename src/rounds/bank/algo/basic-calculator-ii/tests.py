from rounds.testkit import Call


def examples(level):
    return [
        Call(("3+2*2",), expected=7, name="precedence"),
        Call((" 3/2 ",), expected=1, name="integer division"),
        Call((" 3+5 / 2 ",), expected=5, name="spaces"),
        Call(("14-3/2",), expected=13, name="toward zero after a minus"),
    ]


def _expr(rng, n):
    parts = [str(rng.randint(0, 99))]
    for _ in range(n):
        op = rng.choice("+-*/")
        parts.append(rng.choice([op, f" {op} "]))
        parts.append(str(rng.randint(1, 99)))
    return "".join(parts)


def hidden(level, rng):
    cases = [
        Call(("42",), note="a single number"),
        Call(("0*7",), note="a product with zero"),
        Call(("2*3*4",), note="a chain of products"),
        Call(("100/10/3",), note="division is left-associative"),
        Call(("1-7/2",), note="truncate toward zero: -7/2 is -3"),
        Call(("1-1*7/2",), note="truncate the whole product, not each factor"),
        Call(("2*3 ",), note="a trailing space after the last operator's operand"),
        Call(("1 + 2 * 3 - 4 / 2",), note="all four operators"),
        Call(("9223372036854775807/1",), note="64-bit range"),
        Call(("0-9/4*2",), note="a negative product of a quotient"),
    ]
    for _ in range(10):
        cases.append(Call((_expr(rng, rng.randint(1, 12)),), note="random billing rule"))
    big = "*".join(["2"] * 20) + "".join(f"+{rng.randint(1, 9)}*{rng.randint(1, 9)}/{rng.randint(1, 9)}"
                                        for _ in range(40_000))
    cases.append(Call((big,), note="40k products and quotients: needs one pass", cpu_ms=600))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call((_expr(rng, n),), cpu_ms=1500)) for n in (8000, 16000, 32000, 64000)]
