import ctypes
import os
import signal

CLONE_NEWUSER = 0x10000000
SYS_CLONE3 = 435


class CloneArgs(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint64) for name in (
        "flags", "pidfd", "child_tid", "parent_tid", "exit_signal", "stack", "stack_size", "tls",
        "set_tid", "set_tid_size", "cgroup")]


def solve(x):
    # clone3 carries its flags in memory a seccomp filter cannot read: it must be refused whole.
    args = CloneArgs(flags=CLONE_NEWUSER, exit_signal=signal.SIGCHLD)
    libc = ctypes.CDLL(None, use_errno=True)
    pid = libc.syscall(SYS_CLONE3, ctypes.byref(args), ctypes.sizeof(args))
    if pid == 0:
        os._exit(0)
    if pid > 0:
        os.waitpid(pid, 0)
        return -1
    return 2 * x
