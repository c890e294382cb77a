# trap: 40k products and quotients: needs one pass
# models: string rebuild: folds one * or / at a time and rebuilds the string: O(n^2)
# caught by: test 1.21 (TLE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
import re


def calculate(s):
    s = s.replace(" ", "")
    m = re.search(r"(\d+)([*/])(\d+)", s)
    while m:  # folds one * or / at a time and rebuilds the string: O(n^2)
        a, op, b = int(m.group(1)), m.group(2), int(m.group(3))
        s = s[:m.start()] + str(a * b if op == "*" else a // b) + s[m.end():]
        m = re.search(r"(\d+)([*/])(\d+)", s)
    total, num, sign = 0, 0, 1
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        else:
            total += sign * num
            num, sign = 0, 1 if ch == "+" else -1
    return total + sign * num
