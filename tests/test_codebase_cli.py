"""The codebase workspace in the terminal: start writes the repository as a git repository with one
commit, test runs its visible tests, submit grades every phase, status shows them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
from rounds.content import codebase as cb
from rounds.content.catalog import catalog

LOG = "codebase/log-pipeline"


def rounds(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "250"})
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def git(ws: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws, check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_start_test_submit_status(settings: Settings, cwd: Path) -> None:
    p = catalog().get(LOG)
    code, out = rounds("start", LOG)
    assert code == 0, out
    ws = cwd / "log-pipeline"
    assert "a git repository with one commit" in out and "TASK.md" in out
    assert cb.read_tree(ws) == cb.starting_repo(p)  # the repository, and nothing of the package's hidden parts
    assert not (ws / "solution.py").exists() and not (ws / "hidden").exists()
    assert git(ws, "log", "--format=%s").split("\n")[0] == "Starting repository"
    assert git(ws, "status", "--porcelain") == ""  # the workspace's own files are not tracked
    task = (ws / "TASK.md").read_text()
    assert "AI assistants allowed" in task and "## Contract" in task and "60-minute" in task
    meta = json.loads((ws / ".rounds.json").read_text())
    assert meta["problem_id"] == LOG

    code, out = rounds("start", LOG, "--new", "--dir", ws)
    assert code == 2 and "already holds .rounds.json" in out
    (cwd / "other").mkdir()
    (cwd / "other" / "notes.txt").write_text("mine")
    code, out = rounds("start", LOG, "--new", "--dir", cwd / "other")
    assert code == 2 and "is not empty" in out
    code, out = rounds("test", ws, "--case", "1")
    assert code == 2 and "--case is not available for a codebase" in out

    code, out = rounds("test", ws)
    assert code == 1 and "visible tests │ fail │ 8 of 21 pass" in out, out
    assert "hidden tests" not in out and "NotImplementedError" in out

    cb.write_tree({k: v for k, v in cb.reference_repo(p).items()}, ws)
    (ws / cb.EXPLANATION).write_text((ws / cb.EXPLANATION).read_text() + "\nThe median test was wrong.\n")
    (ws / "notes.bin").write_bytes(b"\x00\x01")
    code, out = rounds("submit", ws)
    assert code == 2 and "notes.bin is a binary file" in out
    (ws / "notes.bin").unlink()
    code, out = rounds("submit", ws)
    assert code == 0, out
    for row in ("visible tests │ pass │ 21 of 21 pass", "hidden tests │ pass │ 13 of 13 pass",
                "benchmark │ optimal │ tier optimal", "explanation │ written │ 5 words written"):
        assert row in out, out
    assert "Attempt complete" in out and (ws / "editorial.md").exists()
    assert "logpipe/alerts.py" in git(ws, "status", "--porcelain")  # the user's diff against the start

    code, out = rounds("status", ws)
    assert code == 0 and "Phases of the last submission" in out and "benchmark │ optimal" in out
    result = CliRunner().invoke(app, ["status", str(ws), "--json"])
    data = json.loads(result.output)
    assert data["status"] == "completed"
    assert [ph["status"] for ph in data["phases"]] == ["pass", "pass", "optimal", "written"]


def test_judge_takes_repository_folders(settings: Settings, tmp_path: Path) -> None:
    p = catalog().get(LOG)
    fixed, start = tmp_path / "fixed", tmp_path / "start"
    cb.write_tree(cb.reference_repo(p), fixed)
    cb.write_tree(cb.starting_repo(p), start)
    result = CliRunner().invoke(app, ["judge", LOG, str(fixed), str(start), "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1, result.output
    assert [r["verdict"] for r in rows] == ["AC", "RE"]
    assert [ph["status"] for ph in rows[0]["phases"]] == ["pass", "pass", "optimal", "missing"]
    assert rows[1]["phases"][0]["status"] == "fail" and rows[1]["file"] == str(start)


def test_mutant_list_and_show_for_a_codebase(settings: Settings) -> None:
    code, out = rounds("mutant", "list", "codebase/rate-limiter")
    assert code == 0 and "special_cases_one_hour (expect: hidden): an hour is 3600 seconds" in out
    assert "walks_back_from_newest (expect: tier good)" in out
    code, out = rounds("mutant", "show", "codebase/rate-limiter", "special_cases_one_hour")
    assert code == 0 and out.startswith("==> ratelimit/config.py <==") and 'if unit == "h" and not count:' in out
    code, out = rounds("mutant", "show", "codebase/rate-limiter", "special_cases_one_hour", "--patch")
    assert code == 0 and out.startswith("# expect: hidden") and "--- a/ratelimit/config.py" in out
    code, out = rounds("mutant", "show", "codebase/rate-limiter", "nope")
    assert code == 2 and "has no mutant 'nope'" in out
    code, out = rounds("mutant", "new", "codebase/rate-limiter", "x")
    assert code == 2 and "multi-file patches" in out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_resuming_elsewhere_keeps_the_starting_commit_and_the_diff(settings: Settings, cwd: Path) -> None:
    assert rounds("start", LOG, "--dir", "first")[0] == 0
    first = cwd / "first"
    (first / "logpipe" / "stats.py").write_text((first / "logpipe" / "stats.py").read_text() + "# mine\n")
    (first / "tests" / "test_report.py").unlink()
    assert rounds("test", first)[0] == 1  # runs the visible tests, and saves the repository to the attempt
    code, out = rounds("start", LOG, "--dir", "second")
    assert code == 0 and "Resumed" in out
    second = cwd / "second"
    assert (second / "logpipe" / "stats.py").read_text().endswith("# mine\n")
    assert not (second / "tests" / "test_report.py").exists()
    assert git(second, "log", "--format=%s").strip() == "Starting repository"
    changed = git(second, "status", "--porcelain")
    assert " M logpipe/stats.py" in changed and " D tests/test_report.py" in changed
