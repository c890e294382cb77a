import ctypes


def solve(x):
    # System V shared memory would outlive the test inside the slot: it must be refused.
    libc = ctypes.CDLL(None, use_errno=True)
    shmid = libc.shmget(0, 64 << 20, 0o1000 | 0o600)  # IPC_PRIVATE, IPC_CREAT
    if shmid >= 0:
        return -1
    return 2 * x
