def calculate(s):
    terms, num, op = [], 0, "+"
    for i, ch in enumerate(s):
        if ch.isdigit():
            num = num * 10 + int(ch)
        if ch in "+-*/" or i == len(s) - 1:
            if op == "+":
                terms.append(num)
            elif op == "-":
                terms.append(-num)
            elif op == "*":
                terms.append(terms.pop() * num)
            else:
                terms.append(terms.pop() // num)  # floors negative terms: -3 // 2 is -2
            op, num = ch, 0
    return sum(terms)
