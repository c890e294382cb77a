"""Load test of a cohort server, on this machine's loopback only.

Starts a throwaway PostgreSQL server, the web app (accounts on, judging on the procrastinate
queue) and `rounds worker` processes; N simulated learners sign in and submit through the same
HTTP routes the page uses (a numpy problem, and an operation-stream problem for a mixed load),
then poll their job until the verdict shows. Prints, as a table or one JSON object:

- throughput: each simulated learner submits again as soon as a verdict arrives, for a fixed time,
  with 1 worker and with 2 (submissions/s, verdict latency p50/p95);
- latency at a fixed arrival rate (10 submissions/s by default), with 2 workers;
- a worker killed with SIGKILL in the middle of the load: every submission still has exactly one
  result (none lost, none judged twice), and how long the interrupted ones took.

    .venv/bin/python bench/cohort_load.py [--users 12] [--seconds 20] [--rate 10] [--json]
        [--only ml/bench-numpy] [--workers 1,2] [--skip open,kill] [--concurrency 1]

Bounded: every phase has a time limit, all processes are stopped at the end, nothing listens
beyond 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "src" / "rounds" / "judge" / "bench_bank"
RUNS = [sys.executable, "-c", "from rounds.cli.app import main; main()"]
PASSWORD = "load-test-password-1"
# (problem, share of the load): mostly the numpy problem, some operation streams.
MIX = (("ml/bench-numpy", 3), ("oop/bench-counter", 1))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


@dataclass
class Stack:
    env: dict[str, str]
    url: str  # SQLAlchemy URL of the database
    base: str  # the web app's address
    tmp: Path
    web: subprocess.Popen[bytes] | None = None
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    concurrency: int = 1  # jobs each worker judges at once

    def start_worker(self) -> subprocess.Popen[bytes]:
        log = open(self.tmp / f"worker-{len(self.workers)}.log", "wb")  # noqa: SIM115 - closed with the process
        p = subprocess.Popen([*RUNS, "worker", "--concurrency", str(self.concurrency)], env=self.env,
                             stdout=log, stderr=log,
                             start_new_session=True)
        self.workers.append(p)
        return p

    def stop_workers(self) -> None:
        for p in self.workers:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in self.workers:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
        self.workers.clear()

    def cpu(self) -> dict[str, float]:
        """CPU seconds used so far by the web app, the workers, their sandboxes, PostgreSQL and this
        script's simulated learners."""
        leaders = {p.pid: "workers" for p in self.workers} | ({self.web.pid: "web"} if self.web else {})
        out = {"web": 0.0, "workers": 0.0, "sandboxes": 0.0, "postgres": 0.0, "learners": 0.0}
        tick = os.sysconf("SC_CLK_TCK")
        procs: dict[int, tuple[int, float, bytes]] = {}  # pid: (parent, CPU seconds, program)
        for d in Path("/proc").iterdir():
            if not d.name.isdigit():
                continue
            try:
                stat = (d / "stat").read_text()
                prog = Path((d / "cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")).name
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            # its own CPU time and that of its children which have ended (a test's process, say)
            used = sum(int(f) for f in fields[11:15]) / tick
            procs[int(d.name)] = (int(fields[1]), used, prog.encode())
        for pid, (_, used, prog) in procs.items():
            if pid == os.getpid():
                out["learners"] += used
            elif prog.startswith(b"postgres"):
                out["postgres"] += used
            else:
                up = pid  # the nearest started process above it
                while up not in leaders and up in procs and up > 1:
                    up = procs[up][0]
                if up in leaders:
                    # a worker's sandboxes (its judging slots and their test processes) apart
                    out["sandboxes" if up != pid and leaders[up] == "workers" else leaders[up]] += used
        return out

    def db(self) -> psycopg.Connection[Any]:
        return psycopg.connect(make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=False),
                               autocommit=True)


@contextmanager
def stack(users: int) -> Iterator[Stack]:
    tmp = Path(tempfile.mkdtemp(prefix="rounds-load-"))
    pg = Path(tempfile.mkdtemp(prefix="rounds-load-pg-"))  # its own folder: the server's user must reach it
    url = subprocess.run([str(ROOT / "scripts" / "test-postgres"), "start", str(pg)], check=True,
                         capture_output=True, text=True).stdout.strip()
    port = free_port()
    env = {**os.environ, "ROUNDS_DATABASE_URL": url, "ROUNDS_QUEUE": "procrastinate", "ROUNDS_ACCOUNTS": "1",
           "ROUNDS_DATA_DIR": str(tmp / "data"), "ROUNDS_BANK_PATH": str(BANK), "ROUNDS_WORKERS": "1",
           "ROUNDS_HOST": "127.0.0.1", "ROUNDS_PORT": str(port), "ROUNDS_LOG_FORMAT": "json"}
    s = Stack(env=env, url=url, base=f"http://127.0.0.1:{port}", tmp=tmp)
    try:
        for i in range(users):
            subprocess.run([*RUNS, "users", "add", f"learner{i}", "--role", "learner", "--group", "load",
                            "--password-stdin"], input=PASSWORD + "\n", env=env, check=True, capture_output=True,
                           text=True)
        web_log = open(tmp / "web.log", "wb")  # noqa: SIM115
        s.web = subprocess.Popen([*RUNS, "serve"], env=env, stdout=web_log, stderr=web_log, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(s.base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or s.web.poll() is not None:
                raise SystemExit("the web app did not start: see " + str(tmp / "web.log"))
            time.sleep(0.2)
        yield s
    finally:
        s.stop_workers()
        if s.web and s.web.poll() is None:
            os.killpg(s.web.pid, signal.SIGTERM)
            s.web.wait(timeout=30)
        subprocess.run([str(ROOT / "scripts" / "test-postgres"), "stop", str(pg)], check=False)


class Learner:
    """One signed-in browser: submits a problem's reference solution and waits for the verdict."""

    def __init__(self, base: str, name: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=60, headers={"Origin": base})
        self.token = ""
        self.polls = 0  # asks for a running job's news, over all submissions
        r = self.get("/login")
        r = self.http.post("/login", data={"name": name, "password": PASSWORD, "next": "/catalog", "csrf_token": self.token})
        if r.status_code not in (200, 303) or "Sign in" in r.text[:2000] and r.status_code != 303:
            raise SystemExit(f"{name} could not sign in: {r.status_code}")
        self.get("/catalog")

    def get(self, url: str, **kw: Any) -> httpx.Response:
        r = self.http.get(url, **kw)
        m = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', r.text)
        if m:
            self.token = m.group(1)
        return r

    def submit(self, problem: str, code: str, deadline: float) -> tuple[float, str]:
        """Latency in seconds (the POST to the verdict) and the verdict. Like the page, it asks for the
        job again at once: the server holds each request until a test finishes."""
        t = time.perf_counter()
        r = self.http.post(f"/p/{problem}/submit", data={"code": code},
                           headers={"X-CSRF-Token": self.token, "HX-Request": "true"})
        frag = r.text
        while 'data-done="no"' in frag:
            if time.monotonic() > deadline:
                return time.perf_counter() - t, "timeout"
            m = re.search(r'hx-get="(/jobs/[^"]+)"', frag)
            if not m:
                return time.perf_counter() - t, "no-job"
            frag = self.http.get(m.group(1), headers={"HX-Request": "true"}).text
            self.polls += 1
        verdict = "AC" if re.search(r"\bAccepted\b", frag) else "other"
        return time.perf_counter() - t, verdict


def sources() -> dict[str, str]:
    return {p: (BANK / p / "reference.py").read_text() for p, _ in MIX}


def plan() -> list[str]:
    return [p for p, n in MIX for _ in range(n)]


def only(problem: str) -> None:
    """Submit one problem only (the issue's throughput target is stated for the NumPy problem)."""
    global MIX
    if problem not in dict(MIX):
        raise SystemExit(f"--only takes one of {', '.join(p for p, _ in MIX)}; not {problem!r}")
    MIX = ((problem, 1),)


def closed_loop(learners: list[Learner], seconds: float) -> dict[str, Any]:
    """Each learner submits again as soon as its verdict arrives, for ``seconds``."""
    code, order = sources(), plan()
    lat: list[float] = []
    verdicts: dict[str, int] = {}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def run(i: int, who: Learner) -> None:
        k = i
        while time.monotonic() < stop_at:
            problem = order[k % len(order)]
            k += 1
            dt, v = who.submit(problem, code[problem], stop_at + 60)
            with lock:
                lat.append(dt)
                verdicts[v] = verdicts.get(v, 0) + 1

    t0, polls0 = time.monotonic(), sum(who.polls for who in learners)
    threads = [threading.Thread(target=run, args=(i, who)) for i, who in enumerate(learners)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.monotonic() - t0
    polls = sum(who.polls for who in learners) - polls0
    return {"submissions": len(lat), "per_s": len(lat) / elapsed, "polls_per_submission": polls / max(1, len(lat)), "p50_ms": pct(lat, 0.5) * 1000,
            "p95_ms": pct(lat, 0.95) * 1000, "verdicts": verdicts}


def open_loop(learners: list[Learner], rate: float, seconds: float) -> dict[str, Any]:
    """Submissions arrive at ``rate`` per second whatever the verdicts do (a free learner takes each)."""
    code, order = sources(), plan()
    lat: list[float] = []
    verdicts: dict[str, int] = {}
    lock = threading.Lock()
    free: list[Learner] = list(learners)
    busy_skips = 0
    threads = []

    def one(who: Learner, problem: str) -> None:
        dt, v = who.submit(problem, code[problem], time.monotonic() + 60)
        with lock:
            lat.append(dt)
            verdicts[v] = verdicts.get(v, 0) + 1
            free.append(who)

    n = int(rate * seconds)
    t0 = time.monotonic()
    for i in range(n):
        time.sleep(max(0.0, t0 + i / rate - time.monotonic()))
        with lock:
            who = free.pop() if free else None
        if who is None:
            busy_skips += 1
            continue
        th = threading.Thread(target=one, args=(who, order[i % len(order)]))
        th.start()
        threads.append(th)
    for th in threads:
        th.join()
    return {"rate": rate, "submissions": len(lat), "p50_ms": pct(lat, 0.5) * 1000, "p95_ms": pct(lat, 0.95) * 1000,
            "verdicts": verdicts, "not_sent_all_learners_busy": busy_skips}


def records(s: Stack) -> dict[str, int]:
    with s.db() as c:
        subs = c.execute("SELECT count(*) FROM submissions WHERE kind = 'submit'").fetchone()
        res = c.execute("SELECT count(*) FROM results r JOIN submissions s ON s.id = r.submission_id "
                        "WHERE s.kind = 'submit'").fetchone()
        pending = c.execute("SELECT count(*) FROM submissions WHERE status IN ('queued', 'judging')").fetchone()
        dup = c.execute("SELECT count(*) FROM (SELECT submission_id FROM results GROUP BY submission_id "
                        "HAVING count(*) > 1) d").fetchone()
        retried = c.execute("SELECT count(*) FROM submissions WHERE tries > 1").fetchone()
    assert subs and res and pending and dup and retried
    return {"submissions": subs[0], "results": res[0], "pending": pending[0], "duplicates": dup[0],
            "judged_again": retried[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=12)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--rate", type=float, default=10.0)
    ap.add_argument("--concurrency", type=int, default=1, help="jobs each worker judges at once")
    ap.add_argument("--only", metavar="PROBLEM", help="submit only this problem (default: the mix "
                    + ", ".join(f"{p} x{n}" for p, n in MIX) + ")")
    ap.add_argument("--workers", default="1,2", help="closed-loop phases: worker counts, comma-separated")
    ap.add_argument("--skip", default="", help="phases to leave out, comma-separated: open, kill")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.only:
        only(args.only)
    counts = [int(n) for n in args.workers.split(",") if n.strip()]
    skip = {p.strip() for p in args.skip.split(",") if p.strip()}
    if not counts or min(counts) < 1 or skip - {"open", "kill"}:
        raise SystemExit("--workers takes counts of at least 1 (e.g. 1,2); --skip takes open and/or kill")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the stack on a plain kill too
    out: dict[str, Any] = {"users": args.users, "seconds": args.seconds, "cores": os.cpu_count(),
                           "mix": {p: n for p, n in MIX}}
    say = (lambda *a: None) if args.json else print
    with stack(args.users) as s:
        s.concurrency = args.concurrency
        learners = [Learner(s.base, f"learner{i}") for i in range(args.users)]
        say(f"{args.users} learners signed in; web app on {s.base}, PostgreSQL, procrastinate queue")
        for n in counts:
            while len(s.workers) > n:
                w = s.workers.pop()
                os.killpg(w.pid, signal.SIGTERM)
                w.wait(timeout=60)
            while len(s.workers) < n:
                s.start_worker()
            closed_loop(learners[:2], 3)  # warm: pools, imports, connections
            cpu0 = s.cpu()
            r = closed_loop(learners, args.seconds)
            r["cpu_s"] = {k: round(v - cpu0.get(k, 0.0), 1) for k, v in s.cpu().items()}
            out[f"closed_loop_{n}_workers"] = r
            say(f"{n} worker(s): {r['per_s']:.1f} submissions/s, verdict latency p50 {r['p50_ms']:.0f} ms, "
                f"p95 {r['p95_ms']:.0f} ms ({r['submissions']} submissions, {r['verdicts']}, "
                f"{r['polls_per_submission']:.1f} polls each); CPU seconds {r['cpu_s']}")
        if "open" not in skip:
            while len(s.workers) < 2:
                s.start_worker()
            r = open_loop(learners, args.rate, args.seconds)
            out[f"open_loop_{len(s.workers)}_workers"] = r
            say(f"at {args.rate:g} submissions/s, {len(s.workers)} workers: verdict latency p50 {r['p50_ms']:.0f} ms, "
                f"p95 {r['p95_ms']:.0f} ms ({r['submissions']} submissions, {r['verdicts']})")
        if "kill" in skip:
            if args.json:
                print(json.dumps(out, indent=2))
            return
        # A worker killed in the middle of the load: SIGKILL to it and its sandboxes.
        while len(s.workers) < 2:
            s.start_worker()
        before = records(s)
        killer = threading.Timer(args.seconds / 3, lambda: os.killpg(s.workers[0].pid, signal.SIGKILL))
        killer.start()
        r = closed_loop(learners, args.seconds)
        killer.join()
        s.start_worker()  # as an operator (or systemd) would bring it back
        deadline = time.monotonic() + 60
        while records(s)["pending"] and time.monotonic() < deadline:
            time.sleep(0.5)
        after = records(s)
        lost = after["submissions"] - after["results"]
        out["worker_killed"] = {**r, "records": after, "lost": lost,
                                "judged_again": after["judged_again"] - before["judged_again"]}
        say(f"one worker killed mid-load: {r['submissions']} submissions in {args.seconds:g} s "
            f"({r['per_s']:.1f}/s, p95 {r['p95_ms']:.0f} ms); every submission stored: {after['submissions']}, "
            f"results {after['results']}, lost {lost}, judged twice {after['duplicates']}, "
            f"taken over after the kill {out['worker_killed']['judged_again']}")
    if args.json:
        print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
