"""Launching the warm harness inside the sandbox.

Two modes:

* ``bwrap``: bubblewrap with fresh user, pid, net, ipc, uts and mount
  namespaces, a read-only view of the interpreter and its libraries only, a
  size-capped tmpfs ``/tmp``, a seccomp filter and a cgroup (v2 or v1) for
  memory and process count where the machine offers one.
* ``process``: a plain subprocess with the same seccomp filter and limits but
  no namespaces. It is for one user on their own machine; a server refuses it.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HARNESS_FILES = ("harness.py", "wire.py")
SANDBOX_ROOT = "/opt/rounds"

# Syscalls a solution has no business making. Each fails with EPERM.
DENIED_SYSCALLS = (
    "ptrace", "process_vm_readv", "process_vm_writev", "mount", "umount2", "pivot_root",
    "chroot", "unshare", "setns", "bpf", "keyctl", "add_key", "request_key", "kexec_load",
    "kexec_file_load", "reboot", "swapon", "swapoff", "init_module", "finit_module",
    "delete_module", "perf_event_open", "userfaultfd", "acct", "settimeofday",
    "clock_settime", "syslog", "io_uring_setup", "open_by_handle_at", "name_to_handle_at",
    "fanotify_init", "quotactl", "move_mount", "fsopen", "fsmount", "fspick", "open_tree",
    "mount_setattr", "personality", "vhangup", "lookup_dcookie",
    # The slot's own scheduling and I/O class are the judge's: a test may not renice, pin or
    # reschedule any process (itself included; a solution never needs to).
    "setpriority", "sched_setaffinity", "sched_setscheduler", "sched_setparam", "sched_setattr",
    "ioprio_set",
    # System V IPC and POSIX message queues outlive a test inside the slot's IPC namespace and
    # cannot be listed to wipe them (multiprocessing's locks use files in /dev/shm instead).
    "shmget", "semget", "msgget", "mq_open",
)

# clone() flags that would create a namespace: refused (unshare() and setns() are refused whole).
CLONE_NEW_FLAGS = (
    0x00020000,  # CLONE_NEWNS
    0x02000000,  # CLONE_NEWCGROUP
    0x04000000,  # CLONE_NEWUTS
    0x08000000,  # CLONE_NEWIPC
    0x10000000,  # CLONE_NEWUSER
    0x20000000,  # CLONE_NEWPID
    0x40000000,  # CLONE_NEWNET
)


class SandboxUnavailable(RuntimeError):
    """The requested isolation cannot be had on this machine."""


def seccomp_filter() -> object:
    """The seccomp filter every sandboxed process runs under."""
    import pyseccomp as sc

    f = sc.SyscallFilter(defaction=sc.ALLOW)
    deny = sc.ERRNO(errno.EPERM)
    for name in DENIED_SYSCALLS:
        try:
            f.add_rule(deny, name)
        except Exception:  # syscall unknown on this architecture
            continue
    # Sockets: only AF_UNIX (numpy/torch never need more; no network at all).
    f.add_rule(deny, "socket", sc.Arg(0, sc.NE, socket.AF_UNIX))
    f.add_rule(deny, "socketpair", sc.Arg(0, sc.NE, socket.AF_UNIX))
    # Resource limits: a process may read or lower its own (pid 0), never touch another's.
    f.add_rule(deny, "prlimit64", sc.Arg(0, sc.NE, 0))
    # No new namespaces through clone(); clone3() hides its flags in memory the filter cannot
    # read, so it answers ENOSYS and the C library falls back to clone() (threads and fork work).
    for flag in CLONE_NEW_FLAGS:
        f.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, flag, flag))
    f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    return f


_BPF: bytes | None = None
_BPF_LOCK = threading.Lock()


def seccomp_bpf() -> bytes:
    """The compiled filter, as bubblewrap's ``--seccomp`` wants it."""
    global _BPF
    with _BPF_LOCK:
        if _BPF is None:
            buf = tempfile.TemporaryFile()
            seccomp_filter().export_bpf(buf)  # type: ignore[attr-defined]
            buf.seek(0)
            _BPF = buf.read()
            buf.close()
        return _BPF


# --------------------------------------------------------------------------- cgroups


@dataclass
class Cgroup:
    """One slot's cgroup: memory, process count and CPU accounting."""

    flavour: str  # "v2" or "v1"
    paths: dict[str, Path]
    memory_limit: int = 0

    def write(self, controller: str, name: str, value: str) -> bool:
        p = self.paths.get(controller)
        if p is None:
            return False
        try:
            (p / name).write_text(value)
            return True
        except OSError:
            return False

    def read(self, controller: str, name: str) -> str:
        p = self.paths.get(controller)
        if p is None:
            return ""
        try:
            return (p / name).read_text()
        except OSError:
            return ""

    def set_memory(self, limit_bytes: int) -> None:
        if limit_bytes == self.memory_limit:
            return
        self.memory_limit = limit_bytes
        if self.flavour == "v2":
            self.write("memory", "memory.max", str(limit_bytes))
            self.write("memory", "memory.swap.max", "0")
        else:
            self.write("memory", "memory.limit_in_bytes", str(limit_bytes))
            self.write("memory", "memory.memsw.limit_in_bytes", str(limit_bytes))

    def set_pids(self, n: int) -> None:
        self.write("pids", "pids.max", str(n))

    def oom_kills(self) -> int:
        text = self.read("memory", "memory.events" if self.flavour == "v2" else "memory.oom_control")
        for line in text.splitlines():
            k, _, v = line.partition(" ")
            if k == "oom_kill":
                return int(v)
        if self.flavour == "v1":
            return int(self.read("memory", "memory.failcnt").strip() or 0)
        return 0

    def attach_self(self) -> None:
        """Move the calling process in (runs in the child before exec)."""
        for p in self.paths.values():
            (p / "cgroup.procs").write_text("0")

    def remove(self) -> None:
        for p in self.paths.values():
            try:
                for line in (p / "cgroup.procs").read_text().split():
                    try:
                        os.kill(int(line), 9)
                    except OSError:
                        pass
                p.rmdir()
            except OSError:
                pass


def _v2_root() -> Path | None:
    for root in (Path("/sys/fs/cgroup"), Path("/sys/fs/cgroup/unified")):
        ctl = root / "cgroup.controllers"
        if ctl.exists():
            have = ctl.read_text().split()
            if "memory" in have and "pids" in have:
                return root
    return None


def make_cgroup(name: str) -> Cgroup | None:
    """Create a cgroup for one slot, v2 where it has the controllers, else v1."""
    if os.geteuid() != 0 and not os.environ.get("ROUNDS_CGROUP_DELEGATED"):
        return None
    root = _v2_root()
    if root is not None:
        base = root / "rounds"
        try:
            base.mkdir(exist_ok=True)
            (root / "cgroup.subtree_control").write_text("+memory +pids")
            (base / "cgroup.subtree_control").write_text("+memory +pids")
            p = base / name
            p.mkdir(exist_ok=True)
            return Cgroup("v2", {"memory": p, "pids": p})
        except OSError:
            pass
    paths = {}
    for ctl in ("memory", "pids", "cpuacct"):
        base = Path("/sys/fs/cgroup") / ctl
        if not (base / "cgroup.procs").exists():
            continue
        p = base / "rounds" / name
        try:
            p.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        paths[ctl] = p
    if "memory" in paths and "pids" in paths:
        return Cgroup("v1", paths)
    for p in paths.values():
        try:
            p.rmdir()
        except OSError:
            pass
    return None


def cgroup_flavour() -> str:
    cg = make_cgroup(f"probe-{os.getpid()}")
    if cg is None:
        return "none"
    cg.remove()
    return cg.flavour


# --------------------------------------------------------------------------- launching


def harness_dir() -> Path:
    """A private copy of the harness and the wire module, written by the host only."""
    d = Path(tempfile.mkdtemp(prefix="rounds-harness-"))
    src = Path(__file__).parent
    for name in HARNESS_FILES:
        shutil.copyfile(src / name, d / name)
    d.chmod(0o755)
    for name in HARNESS_FILES:
        (d / name).chmod(0o644)
    return d


def sandbox_env() -> dict[str, str]:
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp",
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "PYTHONHASHSEED": "0",
        "TORCH_SHOW_CPP_STACKTRACES": "0",
    }
    for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if k in os.environ:
            env[k] = os.environ[k]
    return env


def _python_roots() -> list[str]:
    roots = {os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)}
    exe_dir = os.path.dirname(os.path.realpath(sys.executable))
    roots.add(os.path.dirname(exe_dir))
    out = []
    for r in sorted(roots):
        if r in ("/", "/usr") or r.startswith("/usr/"):
            continue
        out.append(r)
    # Drop roots nested in another root.
    return [r for r in out if not any(r != o and r.startswith(o + "/") for o in out)]


def hidden_paths(roots: list[str], secrets: list[str]) -> list[str]:
    """Secret folders (the bank, the data dir) that lie inside a bound root."""
    out = []
    for s in secrets:
        rs = os.path.realpath(s)
        if any(rs == r or rs.startswith(r + "/") for r in roots) and os.path.isdir(rs):
            out.append(rs)
    return out


def bwrap_argv(harness: Path, runtime: str, *, tmp_bytes: int, seccomp_fd: int,
               secrets: list[str]) -> list[str]:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed")
    argv = [bwrap, "--die-with-parent", "--new-session", "--unshare-all", "--unshare-user",
            "--disable-userns", "--cap-drop", "ALL", "--hostname", "sandbox"]
    argv += ["--ro-bind", "/usr", "/usr"]
    for name in ("lib", "lib64", "bin", "sbin", "lib32", "libx32"):
        p = Path("/") / name
        if p.is_symlink():
            argv += ["--symlink", os.readlink(p), f"/{name}"]
        elif p.is_dir():
            argv += ["--ro-bind", str(p), f"/{name}"]
    for etc in ("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
                "/etc/localtime"):
        argv += ["--ro-bind-try", etc, etc]
    # /tmp first: the interpreter's prefix may itself live under /tmp (a checkout there), and a
    # later mount would hide it.
    # /proc and /dev read-only: no write reaches another process's oom_score_adj, a peak-memory
    # counter (clear_refs) or a device folder; /dev/shm is a size-capped tmpfs like /tmp, and the
    # harness wipes both between submissions.
    argv += ["--proc", "/proc", "--remount-ro", "/proc"]
    argv += ["--dev", "/dev", "--size", str(tmp_bytes), "--tmpfs", "/dev/shm", "--remount-ro", "/dev"]
    argv += ["--size", str(tmp_bytes), "--tmpfs", "/tmp"]
    roots = _python_roots()
    for r in roots:
        argv += ["--ro-bind", r, r]
    for h in hidden_paths(roots, secrets):
        argv += ["--tmpfs", h]
    argv += ["--ro-bind", str(harness), SANDBOX_ROOT]
    argv += ["--chdir", "/tmp", "--seccomp", str(seccomp_fd)]
    argv += [sys.executable, "-I", f"{SANDBOX_ROOT}/harness.py", runtime]
    return argv


def bwrap_works() -> tuple[bool, str]:
    """Can bubblewrap create its namespaces here?"""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return False, "bubblewrap (bwrap) is not installed"
    try:
        r = subprocess.run(
            [bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/usr", "/usr",
             "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
             "--symlink", "usr/lib64", "/lib64", "/bin/true"],
            capture_output=True, timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"bwrap failed to start: {exc}"
    if r.returncode != 0:
        return False, "bwrap cannot create namespaces here: " + r.stderr.decode(errors="replace").strip()[:300]
    return True, ""


def make_seccomp_fd() -> int:
    """A pipe holding the compiled filter; bwrap reads it from the read end."""
    data = seccomp_bpf()
    r, w = os.pipe()
    # The filter is a few hundred bytes: it fits the pipe buffer.
    os.write(w, data)
    os.close(w)
    return r


def process_preexec(cgroup: Cgroup | None) -> Callable[[], None]:
    """What the child runs before exec in process mode: cgroup, new session, seccomp."""

    def run() -> None:
        os.setsid()
        if cgroup is not None:
            cgroup.attach_self()
        seccomp_filter().load()  # type: ignore[attr-defined]

    return run
