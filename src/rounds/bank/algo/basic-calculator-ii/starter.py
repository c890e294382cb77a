def calculate(s: str) -> int:
    """Evaluate non-negative ints with + - * / (no parentheses), usual precedence.

    '/' truncates toward zero. eval is banned.
    """
    raise NotImplementedError
