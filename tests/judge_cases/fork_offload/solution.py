import os


def solve(x):
    # The slow work happens in a forked worker, whose CPU the judge must count too.
    pid = os.fork()
    if pid == 0:
        n = 0
        for i in range(60_000_000):
            n += i
        os._exit(0)
    os.waitpid(pid, 0)
    return 2 * x
