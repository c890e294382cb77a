# trap: 100k nested parentheses: recursion overflows, use a stack
# models: recursive descent: recursion: deep nesting overflows the stack
# caught by: test 1.22 (RE)
# whole file: written from scratch, it shares almost no code with the reference, so a patch would
#   only delete one program and add another
def calculate(s):
    s = s.replace(" ", "")
    pos = 0

    def expr():
        nonlocal pos
        total, sign = 0, 1
        while pos < len(s) and s[pos] != ")":
            ch = s[pos]
            if ch in "+-":
                sign = 1 if ch == "+" else -1
                pos += 1
            elif ch == "(":
                pos += 1
                total += sign * expr()  # recursion: deep nesting overflows the stack
                pos += 1
            else:
                start = pos
                while pos < len(s) and s[pos].isdigit():
                    pos += 1
                total += sign * int(s[start:pos])
        return total

    return expr()
