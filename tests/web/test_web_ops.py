"""What a server's operators see: liveness, readiness, Prometheus metrics; the page on the queue;
and `rounds serve` refusing to listen beyond the machine without accounts and the sandbox."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from typing import Any

import pytest
from typer.testing import CliRunner
from web_client import BASE, Browser, TestClient

from rounds.cli.app import app as cli
from rounds.config import Settings
from rounds.queue import jobs as q
from rounds.web.app import create_app


def test_health_and_readiness(browser: Browser) -> None:
    assert browser.get("/healthz").text == "ok"
    r = browser.get("/readyz")
    assert r.status_code == 200, r.text
    assert r.json() == {"ready": True, "checks": {"database": "ok", "judge": "ok"}}


def test_metrics_count_verdicts_latency_and_the_queue(browser: Browser, toy_bank: Any) -> None:
    before = browser.get("/metrics").text
    assert 'rounds_queue_depth{state="queued"} 0.0' in before
    browser.wait_job(browser.post(f"/p/{toy_bank.problem_id}/submit", {"code": toy_bank.level1}).text)
    browser.wait_job(browser.post(f"/p/{toy_bank.problem_id}/submit", {"code": "class Ledger:\n    pass\n"}).text)
    r = browser.get("/metrics")
    assert r.headers["content-type"].startswith("text/plain; version=")
    text = r.text
    assert 'rounds_results_total{verdict="AC"} 1.0' in text
    assert re.search(r'rounds_results_total\{verdict="(RE|WA)"\} 1\.0', text)
    assert 'rounds_queue_depth{state="judging"} 0.0' in text

    def count(body: str) -> float:
        m = re.search(r'rounds_verdict_latency_seconds_count\{kind="submit"\} ([0-9.]+)', body)
        return float(m.group(1)) if m else 0.0

    assert count(text) - count(before) == 2  # the registry is the process's: count what this test added


def test_serve_refuses_other_hosts_without_accounts() -> None:
    r = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert r.exit_code == 2
    assert "refusing to listen on 0.0.0.0" in r.output and "ROUNDS_ACCOUNTS=1" in r.output


def test_serve_refuses_other_hosts_in_process_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROUNDS_ACCOUNTS", "1")
    monkeypatch.setenv("ROUNDS_SANDBOX", "process")
    from rounds.config import get_settings

    get_settings.cache_clear()
    r = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    get_settings.cache_clear()
    assert r.exit_code == 2
    assert "bubblewrap sandbox" in r.output and "ROUNDS_ACCOUNTS" not in r.output


def test_worker_refuses_without_the_queue_settings() -> None:
    r = CliRunner().invoke(cli, ["worker"])
    assert r.exit_code == 2 and "ROUNDS_QUEUE=procrastinate" in r.output


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_the_page_on_the_queue_shows_a_workers_verdict(settings: Settings, toy_bank: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert os.environ.get("ROUNDS_TEST_POSTGRES_URL"), "needs PostgreSQL: scripts/test starts one"
    monkeypatch.setenv("ROUNDS_QUEUE", "procrastinate")
    qs = settings.model_copy(update={"queue": "procrastinate"})
    worker = subprocess.Popen([sys.executable, "-c", "from rounds.cli.app import main; main()", "worker"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        with TestClient(create_app(qs), base_url=BASE) as client:
            b = Browser(client)
            done = b.wait_job(b.post(f"/p/{toy_bank.problem_id}/submit", {"code": toy_bank.level1}).text)
            assert "Accepted" in done or "AC" in done, done
            assert "Level 1 passed" in done or "level 2" in done.lower(), done
            ready = b.get("/readyz").json()
            assert ready == {"ready": True, "checks": {"database": "ok", "queue": "ok"}}
            metrics = b.get("/metrics").text
            assert 'rounds_queue_depth{state="job_todo"} 0.0' in metrics
            assert 'rounds_results_total{verdict="AC"} 1.0' in metrics
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
        q.close()
