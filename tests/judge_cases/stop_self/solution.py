import os
import signal


def solve(x):
    os.kill(os.getpid(), signal.SIGSTOP)
    return 2 * x
