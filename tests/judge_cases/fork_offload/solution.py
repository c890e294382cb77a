import os
import time


def solve(x):
    # The slow work (2.5 s of CPU, over the 1 s limit) happens in a forked worker, whose CPU the
    # judge must count too.
    pid = os.fork()
    if pid == 0:
        while time.process_time() < 2.5:
            pass
        os._exit(0)
    os.waitpid(pid, 0)
    return 2 * x
