def calculate(s: str) -> int:
    terms = []  # signed terms; * and / fold into the last one
    num, op = 0, "+"
    for i, ch in enumerate(s):
        if ch.isdigit():
            num = num * 10 + (ord(ch) - 48)
        if ch in "+-*/" or i == len(s) - 1:
            if op == "+":
                terms.append(num)
            elif op == "-":
                terms.append(-num)
            elif op == "*":
                terms.append(terms.pop() * num)
            else:
                t = terms.pop()
                q = abs(t) // num
                terms.append(q if t >= 0 else -q)  # truncate toward zero
            op, num = ch, 0
    return sum(terms)
