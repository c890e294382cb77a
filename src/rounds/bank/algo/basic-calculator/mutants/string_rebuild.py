def calculate(s):
    s = s.replace(" ", "")
    while "(" in s:  # evaluates the innermost parenthesis and rebuilds the string: O(n^2)
        close = s.index(")")
        open_ = s.rindex("(", 0, close)
        inner = _flat(s[open_ + 1:close])
        s = s[:open_] + str(inner) + s[close + 1:]
        s = s.replace("+-", "-").replace("--", "+")
    return _flat(s)


def _flat(t):
    total, sign, num = 0, 1, 0
    for ch in t:
        if ch.isdigit():
            num = num * 10 + int(ch)
        else:
            total += sign * num
            num = 0
            sign = 1 if ch == "+" else -1
    return total + sign * num
