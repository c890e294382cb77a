"""The warm harness: runs inside the sandbox, never on the host's side of it.

It imports numpy (and torch, for torch slots) once, then waits for tasks on
stdin. For every test it forks a child that executes the user's source in a
fresh module and runs one task (a function call, an operation stream, a
threaded stream). The parent supervises the child (CPU, wall clock, memory,
output), forwards the child's raw result frame to the host, and kills and
reaps everything the child left behind.

The harness knows nothing about expected values: it only returns what the
user's code produced. It imports only the standard library, numpy, torch,
pytest (once a slot is sent a pytest-style test file) and the wire module
that is copied next to it.
"""

from __future__ import annotations

import ctypes
import errno
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
PR_SET_THP_DISABLE = 41
MADV_POPULATE_READ = 22
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")
STDOUT_KEEP = 4096
CHILD_CPU_S = 1800  # a test process's hard CPU limit over its whole life; the watchdog counts per test
FILE_BYTES = 16 << 20  # largest file a test may write
# Inside the sandbox the harness is mounted at /opt/rounds and /tmp, /dev/shm are the slot's own.
SANDBOXED = os.path.dirname(os.path.abspath(__file__)) == "/opt/rounds"


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
    steps: list[Any] = []
    # `results_at_end`: every step's return value is encoded after the whole stream has run, so a
    # method that hands out its live internal state (which later steps then change) is caught.
    held: list[tuple[int, Any]] | None = [] if task.get("results_at_end") else None
    for method, raw in task["ops"]:
        fn = getattr(obj, method, None)
        if fn is None or method.startswith("_"):
            steps.append(["missing", f"{type(obj).__name__} has no method {method}()"])
            continue
        if held is None:
            steps.append(_op_outcome(fn, args_of(raw), blobs))
            continue
        try:
            held.append((len(steps), fn(*args_of(raw))))
            steps.append(None)
        except BannedAPI:
            raise
        except Exception as exc:
            _restore_runtime()
            steps.append(["raise", type(exc).__name__, str(exc)[:500]])
    if held:
        _restore_runtime()
        for i, value in held:
            steps[i] = _op_outcome(lambda v=value: v, [], blobs)
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


def _test_message(exc: BaseException, files: tuple[str, ...]) -> str:
    """A failed test's message: the exception, or an assertion's own message, with its line."""
    where = _where(exc, files)
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    if type(exc) in (AssertionError, Exception) and str(exc):
        text = str(exc).strip()  # an assertion's message says it all: "0 != 5"
    return f"{text} ({where})" if where else text


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
    if task.get("runner") == "pytest":
        return _pytest_in(task, out_cap, mine + (os.path.basename(test_rel), "conftest.py"))
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
            return _test_message(err[1], files)

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


# pytest's own plugins that a test file relies on stay (fixtures, marks, skipping, capture for
# capsys, monkeypatch, tmp_path, logging, warnings, unittest classes); the reports nobody reads
# and the plugins that cost every test process time go (a full garbage collection at the end, a
# cache folder, a long traceback of every failure: the rows carry their own message).
PYTEST_ARGS = ("-qq", "-s", "--tb=native", "--no-header", "--no-summary", "-p", "no:cacheprovider",
               "-p", "no:unraisableexception", "-p", "no:threadexception", "-p", "no:faulthandler",
               "-p", "no:doctest", "-p", "no:junitxml", "-p", "no:pastebin", "-p", "no:stepwise",
               "-p", "no:setuponly", "-p", "no:setupplan")
_PYTEST_WARM: list[bool] = []


def _warm_pytest() -> bool:
    """Import pytest and its built-in plugins once, in the harness, so test processes forked
    afterwards share them; True when this call imported them."""
    if _PYTEST_WARM:
        return False
    _PYTEST_WARM.append(True)
    import importlib

    try:
        import pytest  # noqa: F401
        from _pytest.config import default_plugins

        for name in default_plugins:
            importlib.import_module(f"_pytest.{name}")
        import _pytest.assertion.rewrite  # noqa: F401
    except Exception:  # the test process imports it itself and reports what fails
        pass
    import gc

    gc.collect()
    gc.freeze()
    return True


def _pytest_in(task: dict[str, Any], out_cap: int, files: tuple[str, ...]) -> dict[str, Any]:
    """Run one pytest-style test file under pytest, in this test process; the folder is the
    current directory and on ``sys.path``. The rows are those of a unittest file (class, name,
    status, message, CPU ms, output) and each test's node id; ``collect`` only lists the node ids."""
    import io

    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # pytest's own plugins, and conftest.py files
    os.environ.pop("PYTEST_ADDOPTS", None)
    sys.dont_write_bytecode = True
    try:
        import pytest
    except ImportError as exc:
        return {"status": "harness_error", "message": f"pytest cannot be imported in the sandbox: {exc}"}
    root = os.getcwd()
    rows: list[dict[str, Any]] = []
    broken: list[dict[str, Any]] = []
    collected: list[str] = []
    real_out = sys.stdout
    failed_types = (AssertionError, pytest.fail.Exception)

    class Keep(io.StringIO):
        def write(self, s: str) -> int:
            if self.tell() < out_cap:
                super().write(s[: out_cap - self.tell()])
            return len(s)

    class Collect:
        """One row per test: its outcome over setup, call and teardown, and their CPU time."""

        row: dict[str, Any] = {}

        @pytest.hookimpl(wrapper=True)
        def pytest_runtest_protocol(self, item: Any, nextitem: Any) -> Any:
            classes = [n.name for n in item.listchain() if isinstance(n, pytest.Class)]
            row = self.row = {"class": ".".join(classes), "name": item.name, "id": item.nodeid, "status": "",
                              "message": "", "cpu_ms": 0.0, "output": ""}
            out = Keep()
            sys.stdout = sys.stderr = out
            try:
                return (yield)
            finally:
                sys.stdout = sys.stderr = real_out
                row["cpu_ms"] = round(row["cpu_ms"], 3)
                row["output"] = out.getvalue()[:STDOUT_KEEP]
                if row["status"]:
                    rows.append(row)

        def _timed(self) -> Any:
            t0 = time.process_time()
            try:
                return (yield)
            finally:
                self.row["cpu_ms"] += (time.process_time() - t0) * 1000

        # The innermost wrappers: each phase's own CPU time, not pytest's reporting around it.
        @pytest.hookimpl(wrapper=True, trylast=True)
        def pytest_runtest_setup(self, item: Any) -> Any:
            return (yield from self._timed())

        @pytest.hookimpl(wrapper=True, trylast=True)
        def pytest_runtest_call(self, item: Any) -> Any:
            return (yield from self._timed())

        @pytest.hookimpl(wrapper=True, trylast=True)
        def pytest_runtest_teardown(self, item: Any, nextitem: Any) -> Any:
            return (yield from self._timed())

        @pytest.hookimpl(wrapper=True, tryfirst=True)
        def pytest_runtest_makereport(self, item: Any, call: Any) -> Any:
            rep = yield  # as the skipping plugin leaves it (xfail, xpass)
            exc = call.excinfo.value if call.excinfo is not None else None
            status = message = ""
            if rep.skipped and hasattr(rep, "wasxfail"):
                status, message = "pass", "failed as the test expects"
            elif rep.skipped:
                reason = rep.longrepr[2] if isinstance(rep.longrepr, tuple) else str(rep.longrepr or "")
                status, message = "skip", str(reason).removeprefix("Skipped: ")
            elif rep.failed and exc is not None:
                status = "fail" if call.when == "call" and isinstance(exc, failed_types) else "error"
                lookup = rep.longrepr
                if isinstance(exc, pytest.FixtureLookupError) and hasattr(lookup, "errorstring"):
                    where = f" ({os.path.basename(str(lookup.filename))} line {int(lookup.firstlineno) + 1})"
                    message = str(lookup.errorstring).strip().split("\n", 1)[0] + where  # "fixture 'x' not found"
                else:
                    message = _test_message(exc, files)
                if call.when != "call":
                    message += ", while setting the test up" if call.when == "setup" else ", in the test's teardown"
            elif rep.failed:  # an unexpected pass of a strict xfail
                status, message = "fail", "passed, but the test expects it to fail"
            elif call.when == "call":
                status = "pass"
            row = self.row
            if status and (not row["status"] or (row["status"] == "pass" and status != "pass")):
                row["status"], row["message"] = status, message[:2000]
            return rep

        @pytest.hookimpl(wrapper=True, tryfirst=True)
        def pytest_make_collect_report(self, collector: Any) -> Any:
            rep = yield
            call = getattr(rep, "call", None)
            if rep.failed:
                exc = call.excinfo.value if call is not None and call.excinfo is not None else None
                if exc is None:
                    broken.append({"message": str(rep.longrepr)[-2000:], "where": ""})
                else:
                    cause = exc.__cause__ if exc.__cause__ is not None else exc
                    if cause is exc and isinstance(exc, (pytest.Collector.CollectError, pytest.fail.Exception)):
                        broken.append({"message": str(exc).strip()[:2000], "where": "",
                                       "what": "cannot be collected by pytest"})
                    else:
                        text = "".join(traceback.format_exception_only(type(cause), cause)).strip()
                        broken.append({"message": text[:2000], "where": _where(cause, files)})
            elif rep.skipped and isinstance(collector, pytest.Module):
                reason = rep.longrepr[2] if isinstance(rep.longrepr, tuple) else str(rep.longrepr or "")
                rows.append({"class": "", "name": os.path.basename(str(collector.path)), "id": collector.nodeid,
                             "status": "skip", "message": str(reason).removeprefix("Skipped: ")[:2000],
                             "cpu_ms": 0.0, "output": ""})
            return rep

        def pytest_collection_finish(self, session: Any) -> None:
            collected[:] = [item.nodeid for item in session.items]

    args = [*(task.get("only") or [task["test_file"]]), "-c", os.devnull, "--rootdir", root, "--confcutdir", root,
            *PYTEST_ARGS]
    if task.get("noconftest"):
        args.append("--noconftest")
    if task.get("collect"):
        args.append("--collect-only")
    try:
        code = pytest.main(args, plugins=[Collect()])
    finally:
        sys.stdout = sys.stderr = real_out
    _restore_runtime()
    if broken:
        return {"status": "tests_error", **broken[0]}
    if task.get("collect"):
        return {"status": "ok", "tests": [], "collected": collected}
    if not rows and int(code) not in (0, 5):  # 5: no tests collected
        return {"status": "tests_error", "message": f"pytest stopped before any test ran (exit code {int(code)})",
                "where": "", "what": "cannot be run by pytest"}
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


MSG = b">cQ"  # a message from a test process: kind byte, payload length, payload
MARK, RESULT, SETUP_FAILED = b"b", b"r", b"x"


def _send_msg(fd: int, kind: bytes, payload: bytes = b"") -> None:
    view = memoryview(kind + len(payload).to_bytes(8, "big") + payload)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_task(fd: int) -> tuple[dict[str, Any], list[bytes]] | None:
    with open(fd, "rb", buffering=0, closefd=False) as stream:
        try:
            msg, blobs = wire.read_frame(stream, 1 << 31)
        except EOFError:
            return None
    return msg, blobs


def _child_setup(out_w: int, task_r: int, res_w: int) -> None:
    """Everything a test process does before any user code: its own process group, stdout and
    stderr into the capped pipe, no descriptor but its two channels, default signals, limits."""
    os.setpgid(0, 0)
    os.dup2(out_w, 1)
    os.dup2(out_w, 2)
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    keep = sorted((task_r, res_w))
    os.closerange(3, keep[0])
    os.closerange(keep[0] + 1, keep[1])
    os.closerange(keep[1] + 1, 1 << 16)
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGPIPE, signal.SIGCHLD):
        signal.signal(s, signal.SIG_DFL)
    # The watchdog counts each test's CPU; this hard limit only stops a process the watchdog lost.
    resource.setrlimit(resource.RLIMIT_CPU, (CHILD_CPU_S, CHILD_CPU_S))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_BYTES, FILE_BYTES))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if os.getuid() != 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (64, 64))
    try:
        resource.setrlimit(resource.RLIMIT_STACK, (64 << 20, 64 << 20))
    except (ValueError, OSError):
        pass
    sys.stdout = open(1, "w", buffering=1, closefd=False, errors="replace")
    sys.stderr = sys.stdout


class _Module:
    """The user's module in this test process: executed once, at its first test."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.module: types.ModuleType | None = None
        self.failure: dict[str, Any] | None = None

    def load(self) -> types.ModuleType:
        if self.failure is not None:
            raise _Failed(dict(self.failure))
        if self.module is not None:
            return self.module
        module = types.ModuleType("solution")
        module.__file__ = "solution.py"
        sys.modules["solution"] = module
        try:
            code = compile(self.source, "solution.py", "exec")
        except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
            self.failure = {"status": "compile_error", **_exc_info(exc)}
            if isinstance(exc, SyntaxError):
                self.failure["where"] = f"line {exc.lineno}"
            raise _Failed(dict(self.failure)) from None
        try:
            exec(code, module.__dict__)
        except ImportError as exc:
            _restore_runtime()
            status = "banned" if _banned_hits else "import_error"
            self.failure = {"status": status, **_exc_info(exc)}
            raise _Failed(dict(self.failure)) from None
        except SystemExit as exc:
            self.failure = {"status": "exit", "message": f"the program called sys.exit({exc.code!r}) while loading"}
            raise _Failed(dict(self.failure)) from None
        except BaseException as exc:  # noqa: BLE001 - the module raised while it was imported
            _restore_runtime()
            if isinstance(exc, BannedAPI):
                raise
            if isinstance(exc, MemoryError):
                self.failure = {"status": "memory", "message": "MemoryError raised while loading"}
            else:
                self.failure = {"status": "exception", **_exc_info(exc)}
            raise _Failed(dict(self.failure)) from None
        _restore_runtime()
        self.module = module
        return module


class _Failed(Exception):
    def __init__(self, header: dict[str, Any]) -> None:
        super().__init__(header.get("message", ""))
        self.header = header


def _run_task(mod: _Module, task: dict[str, Any], limits: dict[str, Any]) -> tuple[dict[str, Any], list[bytes]]:
    """One test in this process; returns the result header and blobs (never raises)."""
    header: dict[str, Any]
    blobs: list[bytes] = []

    def args_of(raw: Any) -> list[Any]:
        return list(raw)

    del _banned_hits[:]
    try:
        if task["kind"] == "unittest":
            header = _run_unittest(mod.source, task, limits["output_bytes"])
            raise _Done
        target = getattr(mod.load(), task["entry"], None)
        if target is None:
            header = {"status": "missing_entry", "message": f"solution.py defines no {task['entry']}"}
            raise _Done
        kind = task["kind"]
        if kind == "call":
            value = target(*args_of(task["args"]), **dict(task["kwargs"]))
            _restore_runtime()
            if task.get("capture_args"):
                value = {"return": value, "args": task["args"]}
            header, blobs = _call_result(value)
        elif kind == "ops":
            header, blobs = _run_ops(target, task, args_of)
        elif kind == "threads":
            header, blobs = _run_threads(target, task, args_of)
        else:
            header = {"status": "harness_error", "message": f"unknown task kind {kind}"}
    except _Done:
        pass
    except _Failed as exc:
        header = exc.header
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
    return header, blobs


def _settle_memory() -> None:
    """Before the mark of a memory probe (no user code has run in this process): make the peak it
    measures the memory the test allocates, on every machine alike. Pages of files already mapped
    (the interpreter, numpy's and torch's libraries) are mapped in now, so code a test runs for the
    first time adds nothing: the kernel would map it in chunks whose size differs by machine
    (fault-around, large folios). Transparent huge pages are switched off, so a small allocation
    is not rounded up to 2 MB where the machine has them on for every process."""
    _prctl(PR_SET_THP_DISABLE, 1)
    _malloc_trim()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        with open("/proc/self/maps") as f:
            lines = f.readlines()
    except (OSError, AttributeError):
        return
    populate = True
    page = PAGE_KB * 1024
    for line in lines:
        parts = line.split()
        if len(parts) < 6 or not parts[5].startswith("/") or parts[5].startswith("/dev/") or parts[1][0] != "r":
            continue
        lo, hi = (int(x, 16) for x in parts[0].split("-"))
        if populate:
            if libc.madvise(lo, hi - lo, MADV_POPULATE_READ) == 0 or ctypes.get_errno() != errno.EINVAL:
                continue
            populate = False  # a kernel before 5.14: read a byte of every page instead
        try:  # never past the end of the file (that page would raise SIGBUS)
            end = min(hi, lo + os.stat(parts[5]).st_size - int(parts[2], 16))
        except (OSError, ValueError):
            continue
        for addr in range(lo, end, page):
            ctypes.string_at(addr, 1)


def _warm_up(torch_ok: bool) -> None:
    """Touch what every test touches (decoding, compiling, running, encoding) while the process
    waits as a spare, so the copy-on-write faults of a fresh fork are not paid by the first test."""
    try:
        body, blobs = wire.encode([[1.5] * 80, {"k": (1, "v")}])
        wire.decode(body, blobs, torch_ok=torch_ok)
        ns: dict[str, Any] = {}
        exec(compile("def f(x):\n    return [x, str(x), {x: x}]\n", "warm-up", "exec"), ns)
        wire.pack({"status": "ok", "value": wire.encode(ns["f"](3))[0]}, [])
        traceback.extract_stack(limit=2)
    except Exception:
        pass


def _child(out_w: int, task_r: int, res_w: int, torch_ok: bool) -> None:
    """A test process: forked ahead of need as the slot's spare, it sets itself up and warms up,
    then waits for its submission's source and serves that submission's tests one after another
    until its task channel closes. Nothing it reports about itself is trusted but the values it
    returns: the harness measures CPU, memory and time from outside."""
    try:
        _child_setup(out_w, task_r, res_w)
    except BaseException as exc:  # noqa: BLE001 - the slot itself is broken: the judge's fault
        _send_msg(res_w, SETUP_FAILED, f"{type(exc).__name__}: {exc}".encode()[:500])
        os._exit(71)
    _warm_up(torch_ok)
    got = _read_task(task_r)
    if got is None:
        os._exit(0)
    source, banned = got[0]["source"], list(got[0]["banned"])
    del got
    _snapshot_runtime()
    _install_bans(banned)
    mod = _Module(source)
    process_time = time.process_time
    first = True
    while True:
        got = _read_task(task_r)
        if got is None:
            os._exit(0)
        msg, blobs = got
        task = msg["task"]
        _predecode(task, blobs, torch_ok)
        del blobs, got
        # The mark carries this process's CPU before any code of its first test runs: no user code
        # has run yet, so the harness can believe it. Later tests send none (the harness counts
        # them from the moment it sends the task, and one wake-up less is a tenth of a test's cost).
        if first:
            if task.get("probes"):
                _settle_memory()
            _send_msg(res_w, MARK, b"%.6f" % (process_time() * 1000))
            first = False
        header, out_blobs = _run_task(mod, task, msg["limits"])
        try:
            sys.stdout.flush()
        except Exception:
            pass
        try:
            frame = wire.pack(header, out_blobs)
        except (ValueError, TypeError) as exc:
            frame = wire.pack({"status": "bad_value", "message": f"result could not be serialised: {exc}"})
        del header, out_blobs, task
        _send_msg(res_w, RESULT, frame)
        del frame


class _Done(Exception):
    pass


# --------------------------------------------------------------------------- parent side


def _cpu_ms(pid: int) -> float:
    """A child's CPU time, all its threads, to the nanosecond: its process CPU clock, read from
    outside (clock id as glibc's clock_getcpuclockid makes it); /proc ticks if that is refused."""
    try:
        return time.clock_gettime(((~pid) << 3) | 2) * 1000
    except OSError:
        return _stat_cpu_ms(pid)[0]


def _stat(pid: int) -> list[bytes] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _stat_cpu_ms(pid: int) -> tuple[float, float]:
    """(own CPU, CPU of the children it has reaped) in ms, from /proc (tick resolution)."""
    f = _stat(pid)
    if f is None:
        return 0.0, 0.0
    try:
        return (int(f[11]) + int(f[12])) * 1000 / TICKS, (int(f[13]) + int(f[14])) * 1000 / TICKS
    except (IndexError, ValueError):
        return 0.0, 0.0


def _proc_rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _mem_kb(pid: int) -> int:
    """Memory a process holds of its own making: anonymous and shared-memory pages (RssAnon +
    RssShmem). Pages of mapped files (the interpreter and its libraries) are not counted: the kernel
    maps them in as code first runs, in amounts that differ by machine, and they are no allocation."""
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            text = f.read()
        i = text.index(b"RssAnon:")
        j = text.index(b"RssShmem:")
        return int(text[i + 8 : text.index(b"k", i)]) + int(text[j + 9 : text.index(b"k", j)])
    except (OSError, ValueError):
        return 0


def _status_kb(pid: int, *fields: bytes) -> list[int]:
    """Fields of /proc/PID/status in kB (0 when unreadable)."""
    out = dict.fromkeys(fields, 0)
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                key = line.split(b":", 1)[0]
                if key in out:
                    out[key] = int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return [out[k] for k in fields]


def _private_rss_kb(pid: int) -> int:
    """Resident pages not shared with the warm harness (a forked worker's own memory)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            fields = f.read().split()
        return max(0, int(fields[1]) - int(fields[2])) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _children(pid: int, threads: int = 0) -> list[int]:
    """Direct children of every thread of ``pid`` (``threads`` = 1: of its one thread)."""
    out: list[int] = []
    try:
        tids = [str(pid)] if threads == 1 else os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                out += [int(x) for x in f.read().split()]
        except (OSError, ValueError):
            continue
    return out


def _descendants(root: int) -> list[int]:
    """Every live descendant of ``root`` (orphans are re-parented to the harness: subreaper)."""
    out: list[int] = []
    todo = _children(root)
    while todo and len(out) < 4096:
        pid = todo.pop()
        out.append(pid)
        todo += _children(pid)
    return out


def _kill_all_children(keep: int = 0) -> None:
    """SIGKILL every process below the harness but ``keep`` (the spare), without waiting for the
    kernel to tear them down: a process with SIGKILL pending can fork no more, so listing until no
    new process shows up leaves nothing running. They are reaped later (``_reap_zombies``)."""
    killed: set[int] = set()
    me = os.getpid()
    for _ in range(1000):
        fresh = [p for p in _descendants(me) if p != keep and p not in killed and keep not in _ancestry(p)]
        if not fresh:
            break
        for pid in fresh:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        killed.update(fresh)
    _DYING.update(killed)
    _reap_zombies({keep})


# Processes already sent SIGKILL that the kernel may still be tearing down: no test's business.
_DYING: set[int] = set()


def _reap_zombies(keep: set[int]) -> float:
    """Reap the harness's exited children but ``keep``; the CPU ms they used (those killed
    earlier, in ``_DYING``, are reaped without counting)."""
    cpu = 0.0
    for pid in _children(os.getpid()):
        if pid in keep:
            continue
        f = _stat(pid)
        if f is not None and f[0] in (b"Z", b"X"):
            try:
                got, _, ru = os.wait4(pid, os.WNOHANG)
            except ChildProcessError:
                _DYING.discard(pid)
                continue
            if got == pid:
                if pid not in _DYING:
                    cpu += (ru.ru_utime + ru.ru_stime) * 1000
                _DYING.discard(pid)
    return cpu


def _ancestry(pid: int) -> list[int]:
    out = []
    for _ in range(64):
        f = _stat(pid)
        if f is None:
            break
        pid = int(f[1])
        if pid <= 1:
            break
        out.append(pid)
    return out


IOPRIO_GET = {"x86_64": 252, "aarch64": 31}.get(os.uname().machine)
RLIMITS = tuple(getattr(resource, n) for n in sorted(dir(resource)) if n.startswith("RLIMIT_"))
_LIBC: Any = None
_OOM_FD = -1
STATE_NAMES = ("resource limits", "nice value", "CPU set", "scheduling class", "I/O class", "OOM score")


def _own_state() -> tuple[Any, ...]:
    """What a test must never change about the harness: limits, priority, CPU set, scheduling,
    I/O class, OOM score."""
    global _LIBC
    limits = tuple(resource.getrlimit(r) for r in RLIMITS)
    ioprio = -1
    if IOPRIO_GET is not None:
        try:
            if _LIBC is None:
                _LIBC = ctypes.CDLL(None, use_errno=True)
            ioprio = _LIBC.syscall(IOPRIO_GET, 1, 0)
        except Exception:
            ioprio = -1
    global _OOM_FD
    try:
        if _OOM_FD < 0:
            _OOM_FD = os.open("/proc/self/oom_score_adj", os.O_RDONLY)
        oom = os.pread(_OOM_FD, 32, 0).strip()
    except OSError:
        oom = b""
    return (limits, os.getpriority(os.PRIO_PROCESS, 0), tuple(sorted(os.sched_getaffinity(0))),
            os.sched_getscheduler(0), ioprio, oom)


def _wipe_scratch() -> None:
    """Empty /tmp and /dev/shm: nothing one submission wrote is there for the next. Only inside
    the sandbox, where both are the slot's own tmpfs."""
    import shutil

    if not SANDBOXED:
        return
    for folder in ("/tmp", "/dev/shm"):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.unlink(path)
            except OSError:
                pass


IDLE_AFTER_S = 1.5  # a test that uses almost no CPU for this long is sleeping, waiting or stopped
IDLE_SHARE = 0.03
SPARE_AFTER_S = 0.002  # fork the spare once the host has sent nothing for this long
CHECK_EVERY_S = 0.004  # the watchdog's period (it also looks whenever the poll times out)


class TestProcess:
    """One forked test process and its channels; it serves tests until it is retired."""

    def __init__(self, pid: int, task_w: int, res_r: int, out_r: int) -> None:
        self.pid = pid
        self.task_w = task_w
        self.res_r = res_r
        self.out_r = out_r
        self.fresh = True  # no user code has run in it yet
        self.init: bytes | None = None  # the submission's source, sent ahead of its first task
        self.status: int | None = None
        self.rusage: Any = None
        self.buf = bytearray()
        os.set_blocking(task_w, False)

    def healthy(self) -> bool:
        """A spare still waiting as it was left: alive, ours, not stopped."""
        f = _stat(self.pid)
        return f is not None and f[0] in (b"S", b"R") and int(f[1]) == os.getpid()

    def close(self, keep: int = 0) -> None:
        for fd in (self.task_w, self.res_r, self.out_r):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.status is None:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
        _kill_all_children(keep)


class Harness:
    def __init__(self, runtime: str, proto_in: Any, proto_out: Any) -> None:
        self.runtime = runtime
        self.inp = proto_in
        self.out = proto_out
        self.source = ""
        self.banned: list[str] = []
        self.torch_ok = runtime == "torch"
        self.proc: TestProcess | None = None
        self.spare: TestProcess | None = None
        self.state = _own_state()
        self.base_rss = _proc_rss_kb(os.getpid())
        self.base_mem = _mem_kb(os.getpid())
        self.failed = False  # the last test of this submission failed here (a limit, a crash)

    def send(self, msg: dict[str, Any], blobs: list[bytes] | None = None) -> None:
        self.out.write(wire.pack(msg, blobs))
        self.out.flush()

    def serve(self) -> None:
        self.send({"op": "ready", "rss_kb": self.base_rss, "pid": os.getpid(),
                   "uid": os.getuid(), "python": sys.version.split()[0]})
        self.ensure_spare()
        while True:
            if self.spare is None and not select.select([self.inp], [], [], SPARE_AFTER_S)[0]:
                self.ensure_spare()  # the host is busy elsewhere: fork the next test process now
            try:
                msg, blobs = wire.read_frame(self.inp, 1 << 30)
            except EOFError:
                return
            op = msg.get("op")
            if op == "load":  # a new submission: nothing of the last one survives
                self.failed = False
                self.retire()
                _wipe_scratch()
                self.source = msg["source"]
                self.banned = list(msg.get("banned", []))
                self.send({"op": "loaded"})
            elif op == "run":  # the task follows as a frame of its own, forwarded unread
                frame = wire.read_raw_frame(self.inp)
                if msg.get("if_ok") and self.failed:
                    # Sent ahead of the last test's result, for a judge that stops at the first
                    # failure: that test failed here (a limit, a crash), so this one is not run.
                    self.send({"op": "result", "reason": "skipped", "cpu_ms": 0, "wall_ms": 0, "memory_kb": 0,
                               "stdout": "", "stdout_bytes": 0, "exit_code": None}, [b""])
                    continue
                if msg.get("pytest") and not _PYTEST_WARM:
                    self.warm_pytest()
                self.run(frame, msg["limits"], bool(msg.get("fresh")), bool(msg.get("probe")))
            elif op == "end":  # the submission is over: nothing of it stays alive or on disk
                self.retire()
                _wipe_scratch()
                if _DYING:  # forget the pids that are gone, so a later process that reuses one counts
                    _DYING.intersection_update(int(n) for n in os.listdir("/proc") if n.isdigit())
            elif op == "ping":
                self.send({"op": "pong", "rss_kb": _proc_rss_kb(os.getpid())})
            elif op == "exit":
                self.retire()
                if self.spare is not None:
                    self.spare.close()
                return

    def warm_pytest(self) -> None:
        """Import pytest in the harness, once in the slot's life: test processes forked from now
        on share it instead of importing it each. The spare, forked before, goes; memory counts
        from the harness's new size, as it did from its size at start."""
        self.retire()
        if self.spare is not None:
            self.spare.close()
            self.spare = None
        _warm_pytest()
        self.base_mem = _mem_kb(os.getpid())

    def retire(self) -> None:
        """End the test process and everything it started (the spare stays)."""
        if self.proc is not None:
            self.proc.close(keep=self.spare.pid if self.spare is not None else 0)
            self.proc = None

    def spawn(self) -> TestProcess:
        task_r, task_w = os.pipe()
        res_r, res_w = os.pipe()
        out_r, out_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(task_w)
                os.close(res_r)
                os.close(out_r)
                _child(out_w, task_r, res_w, self.torch_ok)
            finally:
                os._exit(70)
        for fd in (task_r, res_w, out_w):
            os.close(fd)
        return TestProcess(pid, task_w, res_r, out_r)

    def ensure_spare(self) -> None:
        """Fork the next test process ahead of need, while the host is busy with a result."""
        if self.spare is None:
            try:
                self.spare = self.spawn()
            except OSError:
                self.spare = None

    def take(self) -> TestProcess:
        """A fresh test process for this submission: the spare when it is still sound."""
        proc, self.spare = self.spare, None
        if proc is None or not proc.healthy():
            if proc is not None:
                proc.close()
            proc = self.spawn()
        proc.init = wire.pack({"source": self.source, "banned": self.banned})
        return proc

    def run(self, task_frame: bytes, limits: dict[str, Any], fresh: bool, probe: bool) -> None:
        if fresh:
            self.retire()
        if self.proc is None or _DYING:
            _reap_zombies({p.pid for p in (self.proc, self.spare) if p is not None})
        if self.proc is None:
            try:
                self.proc = self.take()
            except OSError as exc:
                self.failed = True
                self.send({"op": "result", "reason": "setup_failed", "detail": f"fork failed: {exc}",
                           "cpu_ms": 0, "wall_ms": 0, "memory_kb": 0, "stdout": "", "stdout_bytes": 0,
                           "exit_code": None}, [b""])
                return
        proc = self.proc
        if proc.init is not None:
            task_frame, proc.init = proc.init + task_frame, None
        report = self.supervise(proc, task_frame, limits, probe)
        retire = report.pop("_retire")
        if proc.status is not None or retire:
            self.retire()
        else:
            proc.fresh = False
        state = _own_state()
        if state != self.state:
            report["reason"] = "harness_tampered"
            changed = [name for name, a, b in zip(STATE_NAMES, self.state, state, strict=True) if a != b]
            report["detail"] = f"the judge's own process changed during this test ({', '.join(changed)})"
        res_bytes = report.pop("_result")
        self.failed = bool(report["reason"]) or report["exit_code"] is not None
        self.send({"op": "result", **report}, [res_bytes])

    def supervise(self, proc: TestProcess, task_frame: bytes, limits: dict[str, Any],
                  probe: bool) -> dict[str, Any]:
        """Run one test in ``proc`` and watch it: CPU of the whole process tree (threads, forked
        workers and what they fork), wall clock, idle time, memory and output, from outside."""
        cpu_ms, wall_ms = limits["cpu_ms"], limits["wall_ms"]
        out_cap, res_cap = limits["output_bytes"], limits["result_bytes"]
        mem_kb = limits["memory_kb"]
        pid = proc.pid
        trusted = proc.fresh
        out_keep = bytearray()
        out_total = 0
        reason = ""
        detail = ""
        result: bytes | None = None
        setup_failed = ""
        t0 = time.monotonic()
        own0, kids0 = _cpu_ms(pid), _stat_cpu_ms(pid)[1]
        start_cpu = own0  # a reused process: its CPU counts from the moment its task is sent
        marked = not trusted  # only a fresh process sends a start mark
        rss_mark = hwm_mark = file_mark = mem_mark = 0
        peak_kb = 0
        probe_kb = 0  # a probe's peak: memory the test allocated after its mark
        orphans_cpu = 0.0
        others_cpu: dict[int, float] = {}
        retire = False
        pending = memoryview(task_frame)
        poller = select.poll()
        poller.register(proc.res_r, select.POLLIN | select.POLLHUP)
        poller.register(proc.out_r, select.POLLIN | select.POLLHUP)
        poller.register(proc.task_w, select.POLLOUT)
        open_fds = {proc.res_r, proc.out_r}
        history: list[tuple[float, float]] = []
        used = 0.0
        checked = t0
        threads = 1
        me = os.getpid()
        spare = self.spare.pid if self.spare is not None else -1

        def tree_cpu() -> float:
            """CPU of this test so far: the process, its reaped children, live descendants and
            orphans the harness reaped."""
            nonlocal threads
            own = _cpu_ms(pid)
            f = _stat(pid)
            kids = 0.0
            if f is not None:
                try:
                    kids = (int(f[13]) + int(f[14])) * 1000 / TICKS - kids0
                    threads = int(f[17])
                except (IndexError, ValueError):
                    pass
            # Everything below the harness but the test process itself: its descendants, and the
            # orphans of a double fork (re-parented to the harness, the subreaper).
            below = [d for d in _children(me) if d != pid and d != spare and d not in _DYING]
            below += _children(pid, threads)
            while below:
                d = below.pop()
                a, b = _stat_cpu_ms(d)
                others_cpu[d] = a + b
                below += _children(d)
            return max(0.0, own - start_cpu) + max(0.0, kids) + sum(others_cpu.values()) + orphans_cpu

        while result is None and proc.status is None:
            events = poller.poll(5)
            for fd, _ev in events:
                if fd == proc.task_w:
                    try:
                        n = os.write(fd, pending)
                        pending = pending[n:]
                    except BlockingIOError:
                        continue
                    except OSError:
                        pending = pending[:0]
                    if not pending:
                        poller.unregister(fd)
                    continue
                try:
                    chunk = os.read(fd, 1 << 16)
                except OSError:
                    chunk = b""
                if not chunk:
                    poller.unregister(fd)
                    open_fds.discard(fd)
                    continue
                if fd == proc.out_r:
                    out_total += len(chunk)
                    if len(out_keep) < STDOUT_KEEP:
                        out_keep += chunk[: STDOUT_KEEP - len(out_keep)]
                    if out_total > out_cap and not reason:
                        reason = "output_limit"
                    continue
                proc.buf += chunk
                while len(proc.buf) >= 9 and result is None:
                    kind, size = bytes(proc.buf[:1]), int.from_bytes(proc.buf[1:9], "big")
                    if kind not in (MARK, RESULT, SETUP_FAILED) or (kind != RESULT and size > 4096):
                        retire = True  # not a message the harness code sends: the program wrote it
                        if not reason:
                            reason = "channel_garbled"
                        proc.buf.clear()
                        break
                    if size > res_cap + (1 << 20):
                        if not reason:
                            reason = "result_limit"
                        proc.buf.clear()
                        break
                    if len(proc.buf) < 9 + size:
                        break
                    payload = bytes(proc.buf[9 : 9 + size])
                    del proc.buf[: 9 + size]
                    if kind == MARK and not marked:
                        marked = True
                        history.clear()  # the count may restart here: idle time is judged afresh
                        if probe:
                            rss_mark, hwm_mark, file_mark = _status_kb(pid, b"VmRSS", b"VmHWM", b"RssFile")
                            mem_mark = _mem_kb(pid)
                        if trusted:  # a fresh process: no user code ran before its mark
                            try:
                                start_cpu = float(payload)
                            except ValueError:
                                start_cpu = _cpu_ms(pid)
                    elif kind == RESULT and marked:
                        result = payload
                    elif kind == SETUP_FAILED and not marked:
                        setup_failed = payload.decode(errors="replace")
                    else:  # anything else on the channel: the program wrote over it
                        retire = True
                        if not reason:
                            reason = "channel_garbled"
            now = time.monotonic()
            if result is not None:
                used = tree_cpu()
                break
            if events and now - checked < CHECK_EVERY_S and not reason:
                continue  # a message just arrived: the watchdog looked a moment ago
            checked = now
            got, st, ru = os.wait4(pid, os.WNOHANG)
            if got == pid:
                proc.status, proc.rusage = st, ru
                break
            orphans_cpu += _reap_zombies({pid, spare})
            used = tree_cpu()
            own = _mem_kb(pid)
            rss = own + sum(_private_rss_kb(d) for d in others_cpu)
            peak_kb = max(peak_kb, rss - self.base_mem)
            if probe and mem_mark:
                probe_kb = max(probe_kb, rss - mem_mark)
            history.append((now, used))
            if not reason:
                if used > cpu_ms:
                    reason = "cpu_limit"
                elif (now - t0) * 1000 > wall_ms:
                    reason = "wall_limit"
                elif rss - self.base_mem > mem_kb:
                    reason = "memory_limit"
                elif now - t0 > IDLE_AFTER_S:
                    while len(history) > 2 and history[1][0] <= now - IDLE_AFTER_S:
                        history.pop(0)
                    then, was = history[0]
                    if now - then >= IDLE_AFTER_S * 0.9 and used - was < IDLE_SHARE * (now - then) * 1000:
                        reason = "idle"
            if reason:
                break
        wall = (time.monotonic() - t0) * 1000
        if result is not None and not reason:
            # The test is over. Nothing of it may run on: threads or processes it left are retired.
            if others_cpu or threads > 1:  # read by tree_cpu() when the result came
                retire = True
            if probe and mem_mark:
                # The high-water mark counts only if the test raised it: a fresh process inherits
                # its parent's, and memory it gave back before the mark would read as the test's.
                # File pages it dropped after the mark (to make room under the mark) count as used.
                hwm, file_end = _status_kb(pid, b"VmHWM", b"RssFile")
                if hwm > hwm_mark:
                    probe_kb = max(probe_kb, hwm - rss_mark + max(0, file_mark - file_end))
                peak_kb = max(peak_kb, probe_kb)
            if peak_kb > mem_kb:
                reason = "memory_limit"
        if reason or retire or proc.status is not None:
            if proc.status is None:
                try:
                    os.killpg(pid, signal.SIGKILL)
                except OSError:
                    pass
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
                if result is None:  # its CPU comes from wait4; with a result in hand, no need to wait
                    _, proc.status, proc.rusage = os.wait4(pid, 0)
            retire = True
            if proc.rusage is not None and result is None:  # its whole life, reaped children included
                total = (proc.rusage.ru_utime + proc.rusage.ru_stime) * 1000
                used = max(used, total - start_cpu - max(0.0, kids0) + sum(others_cpu.values()) + orphans_cpu)
            _kill_all_children(keep=spare)
            if result is None:
                used += _reap_zombies({spare})
        # Drain what the program printed (without blocking).
        try:
            os.set_blocking(proc.out_r, False)
            while proc.out_r in open_fds:
                chunk = os.read(proc.out_r, 1 << 16)
                if not chunk:
                    break
                out_total += len(chunk)
                if len(out_keep) < STDOUT_KEEP:
                    out_keep += chunk[: STDOUT_KEEP - len(out_keep)]
        except OSError:
            pass
        if used > cpu_ms and reason in ("", "idle", "wall_limit"):
            reason = "cpu_limit"
        if out_total > out_cap and not reason:
            reason = "output_limit"
        if setup_failed:
            reason, detail = "setup_failed", setup_failed
        elif proc.status is not None and result is None and not marked and not reason:
            code = os.waitstatus_to_exitcode(proc.status)
            if code == 71:
                reason, detail = "setup_failed", "the test process could not set itself up"
        if reason == "idle":
            reason = "wall_limit"
            detail = "idle"
        report: dict[str, Any] = {
            "reason": reason,
            "detail": detail,
            "cpu_ms": round(used, 3),
            "wall_ms": round(wall, 3),
            "memory_kb": max(peak_kb, 0),
            "stdout": out_keep.decode("utf-8", "replace"),
            "stdout_bytes": out_total,
            "exit_code": os.waitstatus_to_exitcode(proc.status) if proc.status is not None else None,
            "_result": result if result is not None and len(result) <= res_cap + (1 << 20) else b"",
            "_retire": retire,
        }
        if probe:
            report["probe_peak_kb"] = max(probe_kb, 0)
        return report


def _touch_blas_buffer(np: Any) -> None:
    """The BLAS library allocates its packing buffer at its first matrix product and touches as
    much of it as the product's blocks need, which differs by CPU. Done here once, the touched pages
    are in every test process from the start: a test's first product is not counted as memory it
    allocated (a probe budget is a few MB; on some CPUs that first touch alone is more)."""
    try:
        for dtype in (np.float64, np.float32):
            a = np.ones((512, 512), dtype=dtype)
            b = np.ones((512, 2048), dtype=dtype)
            a @ b
            del a, b
    except Exception:
        pass
    _malloc_trim()


def _malloc_trim() -> None:
    """Give free heap pages back, so a process forked later starts with no resident memory it can
    take without its resident size growing (a probe would not see such an allocation)."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


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
    # numpy imports fft, ma, ... on first use; a test that first uses np.fft or np.median (numpy.ma)
    # would pay for the import in its time and in its memory probe.
    import numpy  # noqa: F401  (warm import)
    import numpy.fft  # noqa: F401
    import numpy.linalg  # noqa: F401
    import numpy.ma  # noqa: F401
    import numpy.polynomial  # noqa: F401
    import numpy.random  # noqa: F401

    _touch_blas_buffer(numpy)
    if runtime == "sklearn":  # scikit-learn's import is ~0.5 s: paid once per slot, not per level
        import sklearn.linear_model  # noqa: F401
        import sklearn.metrics  # noqa: F401
        import sklearn.model_selection  # noqa: F401
        import sklearn.pipeline  # noqa: F401
        import sklearn.preprocessing  # noqa: F401
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
