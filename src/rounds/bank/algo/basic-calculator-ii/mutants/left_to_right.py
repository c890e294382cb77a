def calculate(s):
    total, num, op = 0, 0, "+"
    for i, ch in enumerate(s):
        if ch.isdigit():
            num = num * 10 + int(ch)
        if ch in "+-*/" or i == len(s) - 1:
            if op == "+":  # applies every operator as it comes: no precedence
                total += num
            elif op == "-":
                total -= num
            elif op == "*":
                total *= num
            else:
                total = int(total / num)
            op, num = ch, 0
    return total
