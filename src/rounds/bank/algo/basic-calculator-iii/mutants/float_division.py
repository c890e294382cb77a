def _apply(terms, op, num):
    if op == "+":
        terms.append(num)
    elif op == "-":
        terms.append(-num)
    elif op == "*":
        terms.append(terms.pop() * num)
    else:
        t = terms.pop()
        terms.append(int(t / num))  # float division: loses precision on large values


def calculate(s: str) -> int:
    terms, op, num = [], "+", 0
    stack = []  # the enclosing (terms, op) of every open parenthesis
    for ch in s:
        if ch.isdigit():
            num = num * 10 + (ord(ch) - 48)
        elif ch == "(":
            stack.append((terms, op))
            terms, op, num = [], "+", 0
        elif ch == ")":
            _apply(terms, op, num)
            num = sum(terms)  # the parenthesis is now an operand of the enclosing op
            terms, op = stack.pop()
        elif ch in "+-*/":
            _apply(terms, op, num)
            op, num = ch, 0
    _apply(terms, op, num)
    return sum(terms)
