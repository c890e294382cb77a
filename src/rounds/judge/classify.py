"""Turning what the sandbox sent back into a verdict and a message a person can act on."""

from __future__ import annotations

import signal
from dataclasses import dataclass
from typing import Any

from rounds.domain.verdict import Verdict
from rounds.judge import wire
from rounds.judge.pool import RawRun, RunLimits


@dataclass
class Classified:
    verdict: Verdict | None  # None: the code returned normally; compare its value
    message: str
    header: dict[str, Any]
    blobs: list[bytes]


def _signame(n: int) -> str:
    try:
        return signal.Signals(n).name
    except ValueError:
        return f"signal {n}"


_SIGNAL_HELP = {
    "SIGSEGV": "segmentation fault: the process crashed (ctypes, a C extension, or the C stack overflowing from very deep recursion)",
    "SIGBUS": "bus error: the process crashed",
    "SIGABRT": "aborted",
    "SIGFPE": "arithmetic fault",
    "SIGILL": "illegal instruction",
}


def classify(raw: RawRun, limits: RunLimits) -> Classified:
    """Verdict from the harness's own observations first, then from the child's frame."""
    if raw.reason == "setup_failed":
        return Classified(Verdict.IE, "the judge could not prepare a process for this test "
                          f"({raw.detail or 'set-up failed'}); the slot was restarted. Not your fault: submit again", {}, [])
    if raw.reason == "harness_tampered":
        # The seccomp filter refuses every call that could do this from a test, so the change came
        # from outside (an operator renicing the server, say): the judge's fault, not the program's.
        return Classified(Verdict.IE, f"{raw.detail or 'the judge process changed during this test'}; "
                          "the slot was replaced. Not your fault: submit again", {}, [])
    if raw.reason == "channel_garbled":
        return Classified(Verdict.RE, "the program wrote over the judge's result channel", {}, [])
    if raw.reason == "cpu_limit":
        return Classified(Verdict.TLE, f"CPU time limit of {limits.cpu_ms} ms exceeded", {}, [])
    if raw.reason == "wall_limit" and raw.detail == "idle":
        return Classified(
            Verdict.TLE,
            f"wall-clock time ran on while the program used almost no CPU ({raw.cpu_ms:.0f} ms in {raw.wall_ms / 1000:.1f} s): "
            "it was sleeping, waiting for something that never comes, or stopped",
            {}, [],
        )
    if raw.reason == "wall_limit":
        return Classified(
            Verdict.TLE,
            f"wall-clock limit of {limits.wall_ms} ms exceeded after only {raw.cpu_ms:.0f} ms of CPU: "
            "the program was sleeping, waiting or blocked",
            {}, [],
        )
    if raw.reason == "memory_limit" or raw.oom:
        return Classified(Verdict.MLE, f"memory limit of {limits.memory_kb // 1024} MB exceeded", {}, [])
    if raw.reason == "output_limit":
        return Classified(
            Verdict.OLE, f"printed more than {limits.output_bytes // 1024} KB (printing is for debugging; return the answer)", {}, []
        )
    if raw.reason == "result_limit":
        return Classified(Verdict.OLE, f"the returned value is larger than {limits.result_bytes >> 20} MB", {}, [])
    code = raw.exit_code
    if not raw.frame:
        if code is not None and code < 0:
            name = _signame(-code)
            if name == "SIGXCPU":
                return Classified(Verdict.TLE, f"CPU time limit of {limits.cpu_ms} ms exceeded", {}, [])
            if name == "SIGXFSZ":
                return Classified(Verdict.OLE, "wrote a file larger than the limit", {}, [])
            if name == "SIGKILL":
                return Classified(Verdict.RE, "the process was killed (SIGKILL) before returning a result", {}, [])
            return Classified(Verdict.RE, f"the process died of {name}: {_SIGNAL_HELP.get(name, 'killed by a signal')}", {}, [])
        if code == 70:
            return Classified(Verdict.RE, "the test process broke down while reporting its result: the program "
                              "interfered with the judge's harness (patched its modules or closed its channel)", {}, [])
        return Classified(
            Verdict.RE,
            f"the process exited with status {code} before returning a result (os._exit, or the process was replaced)",
            {}, [],
        )
    try:
        header, blobs = wire.parse_frame(raw.frame, limits.result_bytes + (1 << 20))
    except (wire.WireError, EOFError, ValueError, RecursionError, MemoryError) as exc:
        why = str(exc)[:300] or type(exc).__name__
        return Classified(Verdict.RE, f"the result could not be read back ({why}): the program wrote over the judge's channel", {}, [])
    status = header.get("status")
    msg = str(header.get("message", ""))
    where = header.get("where")
    at = f" ({where})" if where else ""
    if status == "ok":
        return Classified(None, "", header, blobs)
    if status == "compile_error":
        return Classified(Verdict.CE, f"the source does not compile{at}: {msg}", header, [])
    if status == "import_error":
        return Classified(Verdict.CE, f"import failed{at}: {msg} (only the standard library, numpy and, for torch or scikit-learn problems, torch or scikit-learn are available)", header, [])
    if status == "missing_entry":
        return Classified(Verdict.CE, msg, header, [])
    if status == "banned":
        return Classified(Verdict.RE, f"used a banned API{at}: {msg}", header, [])
    if status == "exit":
        return Classified(Verdict.RE, msg, header, [])
    if status == "memory":
        return Classified(Verdict.MLE, f"MemoryError: ran out of the {limits.memory_kb // 1024} MB allowed", header, [])
    if status == "bad_value":
        return Classified(Verdict.RE, f"returned a value the judge cannot read: {msg}", header, [])
    if status == "exception":
        if header.get("type") == "RecursionError":
            return Classified(Verdict.RE, f"RecursionError{at}: recursion too deep; use an explicit stack or raise the limit with care", header, [])
        return Classified(Verdict.RE, f"raised {msg}{at}", header, [])
    return Classified(Verdict.RE, f"unexpected result status {status!r}", header, [])
