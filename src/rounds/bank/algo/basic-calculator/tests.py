from rounds.testkit import Call


def examples(level):
    return [
        Call(("1 + 1",), expected=2, name="sum"),
        Call((" 2-1 + 2 ",), expected=3, name="spaces"),
        Call(("(1+(4+5+2)-3)+(6+8)",), expected=23, name="nested"),
        Call(("-(2 + 3)",), expected=-5, name="unary minus before a parenthesis"),
    ]


def _expr(rng, depth):
    if depth == 0 or rng.random() < 0.3:
        return str(rng.randint(0, 50))
    parts = [_expr(rng, depth - 1)]
    for _ in range(rng.randint(0, 3)):
        parts.append(rng.choice(["+", "-", " + ", " - "]))
        sub = _expr(rng, depth - 1)
        parts.append(f"({sub})" if rng.random() < 0.5 or sub.startswith("-") else sub)
    e = "".join(parts)
    return f"-({e})" if rng.random() < 0.2 else e


def hidden(level, rng):
    cases = [
        Call(("0",), note="a single zero"),
        Call(("2147483647",), note="a multi-digit literal"),
        Call(("1 - (2 + 3)",), note="minus in front of a parenthesis flips every term inside"),
        Call(("10 - (4 - (3 - 1))",), note="nested minus signs"),
        Call(("-1 + 2",), note="a leading unary minus"),
        Call(("1 - (-2)",), note="unary minus inside a parenthesis"),
        Call(("- (3 - (- (4 + 5)))",), note="unary minus at several depths"),
        Call(("(((((7)))))",), note="redundant parentheses"),
        Call(("1-(2+3)+4",), note="the sign after a closing parenthesis"),
        Call(("   12   +   34   ",), note="spaces everywhere"),
        Call(("9223372036854775807 - 1",), note="64-bit range"),
    ]
    for _ in range(10):
        cases.append(Call((_expr(rng, 4),), note="random formula"))
    depth = 100_000
    deep = "(" * depth + "1" + ")" * depth
    cases.append(Call((deep + "-2",), note="100k nested parentheses: recursion overflows, use a stack",
                      cpu_ms=500))
    wide = "-".join(["(1-(2+3))"] * 30_000)
    cases.append(Call((wide,), note="30k parenthesised terms: needs one pass, not rebuilding the string", cpu_ms=500))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    out = []
    for n in (3000, 6000, 12000, 24000):
        out.append((n, Call(("-".join(["(12-(3+45))"] * n),), cpu_ms=1500)))
    return out
