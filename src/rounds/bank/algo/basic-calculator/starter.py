def calculate(s: str) -> int:
    """Evaluate an expression of non-negative ints, + and -, parentheses and spaces.

    '-' may be unary ("-2", "-(1+2)", "1-(-2)"). eval is banned.
    """
    raise NotImplementedError
