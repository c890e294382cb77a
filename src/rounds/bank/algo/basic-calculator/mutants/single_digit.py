def calculate(s):
    total, sign = 0, 1
    stack = []
    for ch in s:
        if ch.isdigit():
            total += sign * int(ch)  # each digit is its own number: "12" becomes 1 + 2
        elif ch in "+-":
            sign = 1 if ch == "+" else -1
        elif ch == "(":
            stack.append((total, sign))
            total, sign = 0, 1
        elif ch == ")":
            outer, outer_sign = stack.pop()
            total = outer + outer_sign * total
    return total
