def calculate(s):
    stack = []
    total, op, num = 0, "+", 0

    def fold(total, op, num):
        if op == "+":
            return total + num
        if op == "-":
            return total - num
        if op == "*":
            return total * num
        q = abs(total) // abs(num)
        return q if (total >= 0) == (num > 0) else -q

    for ch in s:  # left to right with a stack for parentheses: ignores * before + precedence
        if ch.isdigit():
            num = num * 10 + int(ch)
        elif ch == "(":
            stack.append((total, op))
            total, op, num = 0, "+", 0
        elif ch == ")":
            num = fold(total, op, num)
            total, op = stack.pop()
        elif ch in "+-*/":
            total = fold(total, op, num)
            op, num = ch, 0
    return fold(total, op, num)
