import sys

sys.setrecursionlimit(10**9)


def deep(n):
    return deep(n + 1) + 1


def solve(x):
    return deep(0)
