import sys


def solve(x):
    # Printing an int this long raises ValueError in Python 3.11 unless the limit is lifted.
    sys.set_int_max_str_digits(0)
    return 10**1_000_000
