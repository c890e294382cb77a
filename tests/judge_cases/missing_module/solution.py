import definitely_not_installed_anywhere


def solve(x):
    return 2 * x
