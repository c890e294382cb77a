def calculate(s):
    total, sign, num = 0, 1, 0
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        elif ch in "+-":
            total += sign * num
            num = 0
            sign = 1 if ch == "+" else -1
        # parentheses ignored: 1 - (2 + 3) becomes 1 - 2 + 3
    return total + sign * num
