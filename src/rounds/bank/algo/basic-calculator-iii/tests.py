from rounds.testkit import Call


def examples(level):
    return [
        Call(("1+1",), expected=2, name="sum"),
        Call(("6-4/2",), expected=4, name="precedence"),
        Call(("2*(5+5*2)/3+(6/2+8)",), expected=21, name="parentheses"),
        Call(("7/(0-2)",), expected=-3, name="negative divisor"),
    ]


def _expr(rng, depth):
    if depth == 0 or rng.random() < 0.25:
        return str(rng.randint(0, 30))
    parts = [_operand(rng, depth)]
    for _ in range(rng.randint(1, 3)):
        op = rng.choice("+-*/")
        parts.append(rng.choice([op, f" {op} "]))
        parts.append(_operand(rng, depth) if op != "/" else _divisor(rng, depth))
    return "".join(parts)


def _operand(rng, depth):
    sub = _expr(rng, depth - 1)
    return f"({sub})" if rng.random() < 0.4 else sub


def _divisor(rng, depth):
    while True:
        sub = _expr(rng, depth - 1)
        if _value(sub) != 0:
            return f"({sub})"


def _value(e):
    return _ref().calculate(e)  # the host-side reference keeps generated divisors non-zero


def _ref():
    import importlib.util
    import pathlib
    import sys
    name = "rounds_bank.algo.basic_calculator_iii.reference"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, pathlib.Path(__file__).with_name("reference.py"))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        sys.modules[name] = mod
    return sys.modules[name]


def hidden(level, rng):
    cases = [
        Call(("0",), note="a single zero"),
        Call(("(((8)))",), note="redundant parentheses"),
        Call(("2*(3+4)",), note="the operator before a parenthesis"),
        Call(("(2+3)*(4-6)",), note="a negative product of parentheses"),
        Call(("(0-7)/2",), note="a negative dividend truncates toward zero"),
        Call(("7/(0-2)",), note="a negative divisor truncates toward zero"),
        Call(("(0-7)/(0-2)",), note="both negative"),
        Call(("100/(2*5)/3",), note="left-associative division"),
        Call(("1+2*3-(4-5*6)/7",), note="precedence inside and outside parentheses"),
        Call(("9223372036854775807/(1+0)-1",), note="64-bit range"),
        Call((" ( 1 + 2 ) * 3 ",), note="spaces around parentheses"),
    ]
    for _ in range(10):
        cases.append(Call((_expr(rng, 4),), note="random feature formula"))
    depth = 50_000
    cases.append(Call(("(" * depth + "1+2*3" + ")" * depth + "*2",),
                      note="50k nested parentheses: recursion overflows, use a stack", cpu_ms=600))
    return cases


expected_complexity = "O(n)"


def ladder(rng):
    return [(n, Call(("+".join(["(12-3*(4+5))/2"] * n),), cpu_ms=1500)) for n in (2500, 5000, 10000, 20000)]
