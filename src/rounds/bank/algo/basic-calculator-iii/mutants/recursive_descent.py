# trap: 50k nested parentheses: recursion overflows, use a stack
# models: recursive descent: one Python frame per parenthesis: 50k nesting overflows
# caught by: test 1.22 (RE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def calculate(s):
    s = s.replace(" ", "")
    pos = 0

    def number():
        nonlocal pos
        if s[pos] == "(":
            pos += 1
            v = expr()  # one Python frame per parenthesis: 50k nesting overflows
            pos += 1
            return v
        start = pos
        while pos < len(s) and s[pos].isdigit():
            pos += 1
        return int(s[start:pos])

    def term():
        nonlocal pos
        v = number()
        while pos < len(s) and s[pos] in "*/":
            op = s[pos]
            pos += 1
            r = number()
            v = v * r if op == "*" else (abs(v) // abs(r)) * (1 if (v >= 0) == (r > 0) else -1)
        return v

    def expr():
        nonlocal pos
        v = term()
        while pos < len(s) and s[pos] in "+-":
            op = s[pos]
            pos += 1
            r = term()
            v = v + r if op == "+" else v - r
        return v

    return expr()
