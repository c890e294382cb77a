import sys


def solve(x):
    data = sys.stdin.read()
    return len(data)
