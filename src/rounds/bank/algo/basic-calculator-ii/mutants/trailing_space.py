def calculate(s):
    terms, num, op = [], 0, "+"
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        elif ch in "+-*/":
            if op == "+":
                terms.append(num)
            elif op == "-":
                terms.append(-num)
            elif op == "*":
                terms.append(terms.pop() * num)
            else:
                t = terms.pop()
                terms.append(abs(t) // num * (1 if t >= 0 else -1))
            op, num = ch, 0
    if op == "+":  # the last number is handled only for + and -
        terms.append(num)
    elif op == "-":
        terms.append(-num)
    return sum(terms)
