"""The warm harness: runs inside the sandbox, never on the host's side of it.

It imports numpy (and torch, for torch slots) once, then waits for tasks on
stdin. For every test it forks a child that executes the user's source in a
fresh module and runs one task (a function call, an operation stream, a
threaded stream). The parent supervises the child (CPU, wall clock, memory,
output), forwards the child's raw result frame to the host, and kills and
reaps everything the child left behind.

The harness knows nothing about expected values: it only returns what the
user's code produced. It imports only the standard library, numpy, torch and
the wire module that is copied next to it.
"""

from __future__ import annotations

import ctypes
import math
import os
import resource
import select
import signal
import sys
import time
import traceback
import types
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wire  # noqa: E402  (copied next to this file inside the sandbox)

PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")
STDOUT_KEEP = 4096


def _prctl(option: int, value: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(option, value, 0, 0, 0)
    except Exception:
        pass


# --------------------------------------------------------------------------- child side


_SNAPSHOT: list[tuple[dict[str, Any], dict[str, Any]]] = []


def _snapshot_runtime() -> None:
    """Remember builtins and the wire module before user code can patch them."""
    import builtins

    _SNAPSHOT[:] = [(builtins.__dict__, dict(builtins.__dict__)), (wire.__dict__, dict(wire.__dict__))]


def _restore_runtime() -> None:
    """Undo any patching of builtins or the wire module before results are encoded."""
    for live, saved in _SNAPSHOT:
        if live != saved:
            live.clear()
            live.update(saved)


class BannedAPI(Exception):
    """Raised by a tripwire when the user's code calls a banned API."""


_banned_hits: list[str] = []


def _tripwire(name: str) -> Any:
    def banned(*_a: Any, **_k: Any) -> Any:
        _banned_hits.append(name)
        raise BannedAPI(f"{name} is banned in this problem: write it yourself")

    return banned


def _resolve(path: str) -> tuple[Any, str] | None:
    """Find (owner object, attribute) for a dotted name whose owner is already imported."""
    parts = path.split(".")
    for i in range(len(parts) - 1, 0, -1):
        mod = sys.modules.get(".".join(parts[:i]))
        if mod is None:
            continue
        obj: Any = mod
        try:
            for p in parts[i:-1]:
                obj = getattr(obj, p)
        except AttributeError:
            return None
        return obj, parts[-1]
    return None


class _BanFinder:
    """Meta-path hook: blocks banned modules and patches banned attributes after import."""

    def __init__(self, banned: list[str]) -> None:
        self.banned = banned

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        for b in self.banned:
            if name == b or name.startswith(b + "."):
                _banned_hits.append(b)
                raise ImportError(f"module {b} is banned in this problem: write it yourself")
        watched = [b for b in self.banned if b.startswith(name + ".") and "." not in b[len(name) + 1 :]]
        if not watched:
            return None
        import importlib.machinery

        sys.meta_path.remove(self)
        try:
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None:
                import importlib.util

                spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: Any) -> None:
            original(module)
            for b in watched:
                setattr(module, b.rsplit(".", 1)[1], _tripwire(b))

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _install_bans(banned: list[str]) -> None:
    pending = []
    for name in banned:
        if name in sys.modules:
            pending.append(name)
            continue
        owner = _resolve(name)
        if owner is not None and hasattr(owner[0], owner[1]):
            try:
                setattr(owner[0], owner[1], _tripwire(name))
                continue
            except (AttributeError, TypeError):
                pass
        pending.append(name)
    for name in pending:
        for mod in list(sys.modules):
            if mod == name or mod.startswith(name + "."):
                del sys.modules[mod]
    if pending:
        sys.meta_path.insert(0, _BanFinder(pending))


def _exc_info(exc: BaseException) -> dict[str, Any]:
    tb = traceback.extract_tb(exc.__traceback__)
    frames = [f for f in tb if f.filename == "solution.py"]
    where = f"line {frames[-1].lineno}" if frames else ""
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    lines = "".join(traceback.format_list(frames[-5:]))
    return {
        "type": type(exc).__name__,
        "message": text[:2000],
        "where": where,
        "traceback": (lines + text)[-4000:],
    }


def _call_result(value: Any) -> tuple[dict[str, Any], list[bytes]]:
    try:
        body, blobs = wire.encode(value)
    except wire.WireError as exc:
        return {"status": "bad_value", "message": str(exc)}, []
    return {"status": "ok", "value": body}, blobs


def _op_outcome(fn: Any, args: list[Any], blobs: list[bytes], _type: Any = type, _int: Any = int,
                _str: Any = str, _bool: Any = bool, _float: Any = float, _finite: Any = math.isfinite) -> list[Any]:
    try:
        r = fn(*args)
    except BannedAPI:
        raise
    except Exception as exc:
        _restore_runtime()
        return ["raise", type(exc).__name__, str(exc)[:500]]
    # Most operations return a plain scalar: sent as it is, without the cost of checking the
    # builtins per step. The exact types come from names bound when the harness was imported and
    # are compared by identity, so no patched builtin or lying metaclass changes the answer; the
    # builtins are restored before anything else is encoded and before the frame is packed.
    t = _type(r)
    if r is None or t is _int or t is _str or t is _bool or (t is _float and _finite(r)):
        return ["ok", r]
    _restore_runtime()
    try:
        body, bl = wire.encode(r)
    except wire.WireError as exc:
        return ["bad", str(exc)]
    if bl:
        body = _shift_blobs(body, len(blobs))
        blobs.extend(bl)
    return ["ok", body]


def _shift_blobs(body: Any, offset: int) -> Any:
    if isinstance(body, list):
        return [_shift_blobs(x, offset) for x in body]
    if isinstance(body, dict):
        out = {}
        for k, v in body.items():
            if k in wire.BLOB_TAGS and isinstance(v, int):
                out[k] = v + offset
            else:
                out[k] = _shift_blobs(v, offset)
        return out
    return body


def _run_ops(obj_cls: Any, task: dict[str, Any], args_of: Any) -> tuple[dict[str, Any], list[bytes]]:
    blobs: list[bytes] = []
    init = args_of(task.get("init", []))
    try:
        obj = obj_cls(*init)
    except BannedAPI:
        raise
    except Exception as exc:
        return {"status": "exception", **_exc_info(exc), "step": 0}, []
    steps = []
    for method, raw in task["ops"]:
        fn = getattr(obj, method, None)
        if fn is None or method.startswith("_"):
            steps.append(["missing", f"{type(obj).__name__} has no method {method}()"])
            continue
        steps.append(_op_outcome(fn, args_of(raw), blobs))
    return {"status": "ok", "steps": steps}, blobs


def _run_threads(obj_cls: Any, task: dict[str, Any], args_of: Any) -> tuple[dict[str, Any], list[bytes]]:
    import threading

    blobs: list[bytes] = []
    obj = obj_cls(*args_of(task.get("init", [])))

    def seq(ops: list[Any]) -> list[Any]:
        out = []
        for method, raw in ops:
            fn = getattr(obj, method, None)
            if fn is None:
                out.append(["missing", f"{type(obj).__name__} has no method {method}()"])
                continue
            out.append(_op_outcome(fn, args_of(raw), blobs))
        return out

    setup = seq(task.get("setup", []))
    sys.setswitchinterval(1e-6)  # switch threads often so races show up
    barrier = threading.Barrier(len(task["threads"]))
    results: list[list[Any]] = [[] for _ in task["threads"]]
    lock = threading.Lock()

    def worker(i: int, ops: list[Any]) -> None:
        # Yield the GIL at random lines of the solution, so interleavings that a lock would
        # prevent actually happen even on a busy machine.
        import random

        rnd = random.Random(i)

        def line(frame: Any, event: str, arg: Any) -> Any:
            if event == "line" and rnd.random() < 0.05:
                time.sleep(0)
            return line

        def call(frame: Any, event: str, arg: Any) -> Any:
            return line if frame.f_code.co_filename == "solution.py" else None

        sys.settrace(call)
        barrier.wait()
        local = []
        for method, raw in ops:
            fn = getattr(obj, method, None)
            try:
                r = fn(*args_of(raw)) if fn else None
                local.append(["ok", r])
            except Exception as exc:
                local.append(["raise", type(exc).__name__, str(exc)[:300]])
        sys.settrace(None)
        with lock:
            results[i] = local

    threads = [threading.Thread(target=worker, args=(i, ops)) for i, ops in enumerate(task["threads"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _restore_runtime()
    sys.setswitchinterval(0.005)
    encoded = []
    for res in results:
        row = []
        for item in res:
            if item[0] == "ok":
                try:
                    body, bl = wire.encode(item[1])
                except wire.WireError as exc:
                    row.append(["bad", str(exc)])
                    continue
                if bl:
                    body = _shift_blobs(body, len(blobs))
                    blobs.extend(bl)
                row.append(["ok", body])
            else:
                row.append(item)
        encoded.append(row)
    final = seq(task.get("final", []))
    return {"status": "ok", "setup": setup, "threads": encoded, "final": final}, blobs


def _where(exc: BaseException, files: tuple[str, ...]) -> str:
    """The innermost frame of ``exc`` in one of ``files`` (basenames), as "file line N"."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if os.path.basename(f.filename) in files]
    return f"{os.path.basename(frames[-1].filename)} line {frames[-1].lineno}" if frames else ""


def _run_unittest(source: str, task: dict[str, Any], out_cap: int) -> dict[str, Any]:
    """Write the task's files and the user's module into a private folder under /tmp (a tmpfs in
    the sandbox), import one unittest file and run it; per test: name, status, message, CPU ms."""
    import glob
    import shutil
    import tempfile

    # One child at a time per harness: what an earlier child of this harness left (it was killed) goes.
    prefix = f"unittest-{os.getppid()}-"
    for old in glob.glob(os.path.join(tempfile.gettempdir(), prefix + "*")):
        shutil.rmtree(old, ignore_errors=True)
    root = tempfile.mkdtemp(prefix=prefix)
    try:
        return _unittest_in(root, source, task, out_cap)
    finally:
        os.chdir(tempfile.gettempdir())
        shutil.rmtree(root, ignore_errors=True)


def _unittest_in(root: str, source: str, task: dict[str, Any], out_cap: int) -> dict[str, Any]:
    import importlib
    import io
    import unittest

    for rel, text in {**task["files"], task["impl"]: source}.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    test_rel = task["test_file"]
    os.chdir(root)
    sys.path[:0] = [root, os.path.join(root, os.path.dirname(test_rel))]
    impl_mod = os.path.splitext(os.path.basename(task["impl"]))[0]
    mine = (os.path.basename(task["impl"]),)
    try:
        compile(source, os.path.basename(task["impl"]), "exec")
    except (SyntaxError, ValueError) as exc:
        where = f"line {exc.lineno}" if isinstance(exc, SyntaxError) else ""
        return {"status": "compile_error", "message": f"{type(exc).__name__}: {exc}", "where": where}
    try:
        importlib.import_module(impl_mod)
    except BaseException as exc:  # noqa: BLE001 - the user's module failed to import
        status = "import_error" if isinstance(exc, ImportError) else "exception"
        return {"status": status, "type": type(exc).__name__, "message": f"{type(exc).__name__}: {exc}"[:2000],
                "where": _where(exc, mine)}
    test_mod = os.path.splitext(os.path.basename(test_rel))[0]
    try:
        module = importlib.import_module(test_mod)
    except BaseException as exc:  # noqa: BLE001 - the test file itself is broken
        return {"status": "tests_error", "message": f"{type(exc).__name__}: {exc}"[:2000],
                "where": _where(exc, (os.path.basename(test_rel),) + mine)}
    loader = unittest.TestLoader()
    suite = (loader.loadTestsFromNames(task["only"], module) if task.get("only")
             else loader.loadTestsFromModule(module))
    rows: list[dict[str, Any]] = []
    real_out = sys.stdout
    files = mine + (os.path.basename(test_rel),)

    class Keep(io.StringIO):
        def write(self, s: str) -> int:
            if self.tell() < out_cap:
                super().write(s[: out_cap - self.tell()])
            return len(s)

    class Collect(unittest.TestResult):
        def startTest(self, test: Any) -> None:
            super().startTest(test)
            self._t0 = time.process_time()
            self._out = Keep()
            sys.stdout = sys.stderr = self._out

        def _row(self, test: Any, status: str, message: str = "") -> None:
            rows.append({"class": type(test).__name__, "name": getattr(test, "_testMethodName", str(test)),
                         "status": status, "message": message[:2000],
                         "cpu_ms": round((time.process_time() - getattr(self, "_t0", 0.0)) * 1000, 3),
                         "output": getattr(self, "_out", Keep()).getvalue()[:STDOUT_KEEP]})

        def stopTest(self, test: Any) -> None:
            sys.stdout = sys.stderr = real_out
            super().stopTest(test)

        def addSuccess(self, test: Any) -> None:
            self._row(test, "pass")

        def _exc(self, err: Any) -> str:
            exc = err[1]
            where = _where(exc, files)
            text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            if type(exc) in (AssertionError, Exception) and str(exc):
                text = str(exc).strip()  # an assertion's message says it all: "0 != 5"
            return f"{text} ({where})" if where else text

        def _kind(self, err: Any) -> str:
            # Test files often set failureException = Exception: a failure is an assertion, or an
            # exception raised by unittest's own assert methods; anything else is an error.
            tb = traceback.extract_tb(err[2])
            asserted = bool(tb) and os.path.dirname(tb[-1].filename) == os.path.dirname(unittest.__file__)
            return "fail" if isinstance(err[1], AssertionError) or asserted else "error"

        def addFailure(self, test: Any, err: Any) -> None:
            self._row(test, self._kind(err), self._exc(err))

        def addError(self, test: Any, err: Any) -> None:
            self._row(test, "error", self._exc(err))

        def addSkip(self, test: Any, reason: str) -> None:
            self._row(test, "skip", reason)

        def addExpectedFailure(self, test: Any, err: Any) -> None:
            self._row(test, "pass", "failed as the test expects")

        def addUnexpectedSuccess(self, test: Any) -> None:
            self._row(test, "fail", "passed, but the test expects it to fail")

        def addSubTest(self, test: Any, subtest: Any, err: Any) -> None:
            if err is not None:
                kind = self._kind(err)
                self._row(test, kind, f"{subtest._subDescription()}: {self._exc(err)}")

    suite.run(Collect())
    _restore_runtime()
    return {"status": "ok", "tests": rows}


def _predecode(task: dict[str, Any], blobs: list[bytes], torch_ok: bool) -> None:
    """Decode every input of the task before any user code runs."""

    def dec(raw: Any) -> Any:
        return wire.decode(raw, blobs, torch_ok=torch_ok)

    kind = task.get("kind")
    if kind == "call":
        task["args"] = dec(task["args"])
        task["kwargs"] = dec(task["kwargs"]) if "kwargs" in task else {}
    elif kind in ("ops", "threads"):
        task["init"] = dec(task.get("init", []))
        for key in ("ops", "setup", "final"):
            task[key] = [[m, dec(raw)] for m, raw in task.get(key, [])]
        task["threads"] = [[[m, dec(raw)] for m, raw in ops] for ops in task.get("threads", [])]


def _child(source: str, task: dict[str, Any], limits: dict[str, Any], banned: list[str],
           out_w: int, res_w: int, mark_w: int, torch_ok: bool) -> None:
    os.setpgid(0, 0)
    os.dup2(out_w, 1)
    os.dup2(out_w, 2)
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    keep = sorted((res_w, mark_w))
    os.closerange(3, keep[0])
    os.closerange(keep[0] + 1, keep[1])
    os.closerange(keep[1] + 1, 1 << 16)
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGPIPE, signal.SIGCHLD):
        signal.signal(s, signal.SIG_DFL)
    cpu_s = int(limits["cpu_ms"] / 1000) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file_bytes"], limits["file_bytes"]))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if os.getuid() != 0:
        nproc = limits.get("nproc", 64)
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    try:
        stack = limits.get("stack_bytes", 64 << 20)
        resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))
    except (ValueError, OSError):
        pass
    sys.stdout = open(1, "w", buffering=1, closefd=False, errors="replace")
    sys.stderr = sys.stdout
    process_time = time.process_time
    header: dict[str, Any]
    blobs: list[bytes] = []

    def args_of(raw: Any) -> list[Any]:
        return list(raw)

    _predecode(task, task.pop("_blobs"), torch_ok)
    # The start mark carries this process's CPU so far, read before any user code runs, so the
    # parent's count starts exactly here (its own reading would race with the solution).
    os.write(mark_w, b"s%.6f" % (time.process_time() * 1000))
    os.close(mark_w)
    _snapshot_runtime()
    try:
        _install_bans(banned)
        if task["kind"] == "unittest":
            t0 = process_time()
            header = _run_unittest(source, task, limits["output_bytes"])
            header["call_cpu_ms"] = (process_time() - t0) * 1000
            raise _Done
        module = types.ModuleType("solution")
        module.__file__ = "solution.py"
        sys.modules["solution"] = module
        try:
            code = compile(source, "solution.py", "exec")
        except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
            header = {"status": "compile_error", **_exc_info(exc)}
            if isinstance(exc, SyntaxError):
                header["where"] = f"line {exc.lineno}"
            raise _Done from None
        try:
            exec(code, module.__dict__)
        except ImportError as exc:
            _restore_runtime()
            status = "banned" if _banned_hits else "import_error"
            header = {"status": status, **_exc_info(exc)}
            raise _Done from None
        _restore_runtime()
        kind = task["kind"]
        entry = task["entry"]
        target = getattr(module, entry, None)
        if target is None:
            header = {"status": "missing_entry", "message": f"solution.py defines no {entry}"}
            raise _Done
        t0 = process_time()
        if kind == "call":
            call_args = args_of(task["args"])
            kwargs = dict(task["kwargs"])
            probes = task.get("probes", [])
            if "tracemalloc" in probes:
                import tracemalloc

                tracemalloc.start()
            value = target(*call_args, **kwargs)
            _restore_runtime()
            extra: dict[str, Any] = {}
            if "tracemalloc" in probes:
                import tracemalloc

                extra["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            if task.get("capture_args"):
                value = {"return": value, "args": call_args}
            header, blobs = _call_result(value)
            header["probes"] = extra
        elif kind == "ops":
            header, blobs = _run_ops(target, task, args_of)
        elif kind == "threads":
            header, blobs = _run_threads(target, task, args_of)
        else:
            header = {"status": "harness_error", "message": f"unknown task kind {kind}"}
        header["call_cpu_ms"] = (process_time() - t0) * 1000
    except _Done:
        pass
    except BannedAPI as exc:
        header = {"status": "banned", **_exc_info(exc)}
    except SystemExit as exc:
        header = {"status": "exit", "message": f"the program called sys.exit({exc.code!r}) during the test"}
    except KeyboardInterrupt:
        header = {"status": "exception", "type": "KeyboardInterrupt", "message": "KeyboardInterrupt"}
    except RecursionError as exc:
        header = {"status": "exception", **_exc_info(exc)}
    except MemoryError:
        header = {"status": "memory", "message": "MemoryError raised"}
    except BaseException as exc:  # noqa: BLE001 - anything the user raised
        header = {"status": "exception", **_exc_info(exc)}
    _restore_runtime()
    if _banned_hits and header.get("status") != "banned":
        header = {"status": "banned", "message": f"{_banned_hits[0]} is banned in this problem", "type": "BannedAPI"}
    try:
        sys.stdout.flush()
    except Exception:
        pass
    try:
        frame = wire.pack(header, blobs)
    except (ValueError, TypeError) as exc:
        frame = wire.pack({"status": "bad_value", "message": f"result could not be serialised: {exc}"})
    view = memoryview(frame)
    while view:
        n = os.write(res_w, view)
        view = view[n:]
    # Closing the channel tells the parent the test is over: CPU stops counting here, before the
    # kernel tears down this process's copy of the slot (about 8 ms for a torch slot).
    os.close(res_w)
    os._exit(0)


class _Done(Exception):
    pass


# --------------------------------------------------------------------------- parent side


def _cpu_ms(pid: int) -> float:
    """A child's CPU time, all its threads, to the nanosecond: its process CPU clock, read from
    outside (clock id as glibc's clock_getcpuclockid makes it); /proc ticks if that is refused."""
    try:
        return time.clock_gettime(((~pid) << 3) | 2) * 1000
    except OSError:
        return _proc_cpu_ms(pid)


def _proc_cpu_ms(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def _proc_rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _others() -> list[int]:
    """Every live descendant of the harness (orphans are re-parented to it: subreaper)."""
    me = os.getpid()
    parent: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            pp = _ppid(int(name))
            if pp is not None:
                parent[int(name)] = pp
    out = []
    for pid in parent:
        seen = 0
        p = parent.get(pid)
        while p is not None and seen < 64:
            if p == me:
                out.append(pid)
                break
            p = parent.get(p)
            seen += 1
    return out


def _kill_all_children() -> None:
    """Kill and reap every process in the sandbox except the harness and pid 1."""
    for _ in range(100):
        pids = _others()
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        _reap()
        time.sleep(0.001)


def _ppid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


class Harness:
    def __init__(self, runtime: str, proto_in: Any, proto_out: Any) -> None:
        self.runtime = runtime
        self.inp = proto_in
        self.out = proto_out
        self.source = ""
        self.banned: list[str] = []
        self.torch_ok = runtime == "torch"

    def send(self, msg: dict[str, Any], blobs: list[bytes] | None = None) -> None:
        self.out.write(wire.pack(msg, blobs))
        self.out.flush()

    def serve(self) -> None:
        self.send({"op": "ready", "rss_kb": _proc_rss_kb(os.getpid()), "pid": os.getpid(),
                   "uid": os.getuid(), "python": sys.version.split()[0]})
        while True:
            try:
                msg, blobs = wire.read_frame(self.inp, 1 << 30)
            except EOFError:
                return
            op = msg.get("op")
            if op == "load":
                self.source = msg["source"]
                self.banned = list(msg.get("banned", []))
                self.send({"op": "loaded"})
            elif op == "run":
                self.run(msg["task"], msg["limits"], blobs)
            elif op == "ping":
                self.send({"op": "pong", "rss_kb": _proc_rss_kb(os.getpid())})
            elif op == "exit":
                return

    def run(self, task: dict[str, Any], limits: dict[str, Any], blobs: list[bytes]) -> None:
        out_r, out_w = os.pipe()
        res_r, res_w = os.pipe()
        mark_r, mark_w = os.pipe()
        base_rss = _proc_rss_kb(os.getpid())
        task["_blobs"] = blobs
        t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(out_r)
                os.close(res_r)
                os.close(mark_r)
                _child(self.source, task, limits, self.banned, out_w, res_w, mark_w, self.torch_ok)
            finally:
                os._exit(70)
        os.close(out_w)
        os.close(res_w)
        os.close(mark_w)
        report = self.supervise(pid, out_r, res_r, mark_r, limits, base_rss, t0)
        res_bytes = report.pop("_result")
        self.send({"op": "result", **report}, [res_bytes])

    def supervise(self, pid: int, out_r: int, res_r: int, mark_r: int, limits: dict[str, Any],
                  base_rss: int, t0: float) -> dict[str, Any]:
        """Watch one child. CPU counts from the start mark, which the child sends after decoding
        its inputs and before any user code runs (so the cost of decoding large inputs is the
        judge's, not the solution's)."""
        cpu_ms, wall_ms = limits["cpu_ms"], limits["wall_ms"]
        out_cap, res_cap = limits["output_bytes"], limits["result_bytes"]
        mem_kb = limits["memory_kb"]
        out_keep = bytearray()
        out_total = 0
        res = bytearray()
        reason = ""
        status: int | None = None
        rusage = None
        open_fds = {out_r, res_r, mark_r}
        poller = select.poll()
        for fd in open_fds:
            poller.register(fd, select.POLLIN | select.POLLHUP)
        start_cpu = 0.0
        done_cpu = 0.0
        exited_at = 0.0
        peak_kb = 0
        while open_fds:
            for fd, _ev in poller.poll(5):
                try:
                    chunk = os.read(fd, 1 << 16)
                except OSError:
                    chunk = b""
                if fd == mark_r:
                    # One write ("s" and the child's CPU in ms) is the whole message; afterwards
                    # the pipe is closed on both sides.
                    if chunk and not start_cpu:
                        try:
                            start_cpu = float(chunk[1:])
                        except ValueError:
                            start_cpu = _cpu_ms(pid)
                    poller.unregister(fd)
                    open_fds.discard(fd)
                    os.close(fd)
                    continue
                if not chunk:
                    if fd == res_r and status is None and not done_cpu:
                        done_cpu = _cpu_ms(pid)  # the result is written: the test's CPU ends here
                    poller.unregister(fd)
                    open_fds.discard(fd)
                    continue
                if fd == out_r:
                    out_total += len(chunk)
                    if len(out_keep) < STDOUT_KEEP:
                        out_keep += chunk[: STDOUT_KEEP - len(out_keep)]
                    if out_total > out_cap and not reason:
                        reason = "output_limit"
                else:
                    res += chunk
                    if len(res) > res_cap and not reason:
                        reason = "result_limit"
            now = time.monotonic()
            if status is None:
                got, st, ru = os.wait4(pid, os.WNOHANG)
                if got == pid:
                    status, rusage, exited_at = st, ru, now
                else:
                    used = _cpu_ms(pid) - start_cpu
                    rss = _proc_rss_kb(pid)
                    peak_kb = max(peak_kb, rss - base_rss)
                    if not reason:
                        if used > cpu_ms:
                            reason = "cpu_limit"
                        elif (now - t0) * 1000 > wall_ms:
                            reason = "wall_limit"
                        elif rss - base_rss > mem_kb:
                            reason = "memory_limit"
            if reason and status is None:
                try:
                    os.killpg(pid, signal.SIGKILL)
                except OSError:
                    pass
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            if status is not None and open_fds and now - exited_at > 0.2:
                # Something the child started still holds a pipe open.
                _kill_all_children()
            if reason and status is not None:
                break
        if status is None:
            _, status, rusage = os.wait4(pid, 0)
        wall = (time.monotonic() - t0) * 1000
        _kill_all_children()
        # Drain whatever is left without blocking.
        for fd in (out_r, res_r):
            try:
                os.set_blocking(fd, False)
                while True:
                    chunk = os.read(fd, 1 << 16)
                    if not chunk:
                        break
                    if fd == res_r and len(res) <= res_cap:
                        res += chunk
            except OSError:
                pass
            os.close(fd)
        cpu = 0.0
        maxrss = 0
        if rusage is not None:
            cpu = max(0.0, (rusage.ru_utime + rusage.ru_stime) * 1000 - start_cpu)
            maxrss = rusage.ru_maxrss
        if done_cpu and not reason:  # a test stopped by the watchdog reports all the CPU it burnt
            cpu = min(cpu, max(0.0, done_cpu - start_cpu)) if rusage is not None else max(0.0, done_cpu - start_cpu)
        if cpu > cpu_ms and not reason:
            reason = "cpu_limit"
        report: dict[str, Any] = {
            "reason": reason,
            "cpu_ms": round(cpu, 3),
            "wall_ms": round(wall, 3),
            "memory_kb": max(peak_kb, maxrss - base_rss, 0),
            "stdout": out_keep.decode("utf-8", "replace"),
            "stdout_bytes": out_total,
            "exit_code": os.waitstatus_to_exitcode(status) if status is not None else None,
            "_result": bytes(res) if len(res) <= res_cap else b"",
        }
        return report


def main() -> None:
    runtime = sys.argv[1] if len(sys.argv) > 1 else "numpy"
    # Keep the protocol on private descriptors; anything printed goes to stderr.
    proto_in = os.fdopen(os.dup(0), "rb", buffering=0)
    proto_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    _prctl(PR_SET_DUMPABLE, 0)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    import numpy  # noqa: F401  (warm import)

    if runtime == "torch":
        import torch
        import torch._dynamo  # noqa: F401  (the first optimizer imports it: pay once, not per test)

        torch.set_num_threads(1)
        try:
            torch.set_num_interop_threads(1)
        except RuntimeError:
            pass
    # Everything imported so far lives as long as the slot: keep the collector away from it, so
    # forked children do not touch (and copy) those pages.
    import gc

    gc.collect()
    gc.freeze()
    Harness(runtime, proto_in, proto_out).serve()


if __name__ == "__main__":
    main()
