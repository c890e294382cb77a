def calculate(s: str) -> int:
    """Evaluate non-negative ints with + - * /, parentheses and spaces; usual precedence.

    '/' truncates toward zero, whatever the signs. No unary operators. eval is banned.
    """
    raise NotImplementedError
