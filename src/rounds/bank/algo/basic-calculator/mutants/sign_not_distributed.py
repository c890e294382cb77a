def calculate(s):
    total, sign, num = 0, 1, 0
    stack = []
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        elif ch in "+-":
            total += sign * num
            num = 0
            sign = 1 if ch == "+" else -1
        elif ch == "(":
            stack.append((total, sign))
            total, sign = 0, 1
        elif ch == ")":
            total += sign * num
            num = 0
            outer, outer_sign = stack.pop()
            total = outer + total  # forgets the sign in front of the parenthesis
    return total + sign * num
