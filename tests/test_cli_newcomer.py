"""A newcomer's first hour in the terminal: output that pipes, attempts that are never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
from rounds.content import catalog as catalog_module
from rounds.content.catalog import catalog

WEB_BANK = Path(__file__).resolve().parent / "web" / "bank"
RUNNING = """def running_total(xs):
    out, t = [], 0
    for x in xs:
        t += x
        out.append(t)
    return out
"""


def run(*args: str | Path, columns: int = 80) -> tuple[int, str]:
    """Run the CLI as a pipe would (stdout is not a terminal); the output comes back as it is."""
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})
    return result.exit_code, result.output


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def web_bank(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ROUNDS_BANK_PATH", str(WEB_BANK))
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    return WEB_BANK


def test_list_piped_prints_one_tab_separated_line_per_problem(settings: Settings) -> None:
    code, out = run("list")
    assert code == 0
    lines = out.splitlines()
    ids = [line.split("\t")[0] for line in lines]
    assert "algo/course-schedule-ii" in ids  # `rounds list | grep course-schedule-ii` finds it
    assert len(lines) == len(catalog())
    row = next(line for line in lines if line.startswith("algo/course-schedule-ii\t")).split("\t")
    assert row[2:4] == ["algo", catalog().get("algo/course-schedule-ii").difficulty]
    code, out = run("list", "--json", "--track", "oop")
    assert code == 0 and all(p["track"] == "oop" for p in json.loads(out))


def test_list_in_an_80_column_terminal_never_breaks_an_id(settings: Settings) -> None:
    from rich.console import Console

    from rounds.cli import render

    console = Console(width=80, force_terminal=True, record=True)
    problems = list(catalog())
    render.problem_table(console, problems, title="all")
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    for p in problems:
        assert p.id in text, f"{p.id} is broken across lines"


def test_status_piped_does_not_wrap_its_headers(settings: Settings, cwd: Path) -> None:
    assert run("start", "algo/course-schedule-ii", "--dir", "ws")[0] == 0
    code, out = run("status", "ws", columns=60)
    assert code == 0, out
    assert "level\ttitle\tstate\tpublished\ttime spent\truns\tsubmits\tlast verdict" in out.splitlines()
    assert any(line.startswith("1\tCourse Schedule II") for line in out.splitlines())


def test_submit_prints_the_complexity_once(settings: Settings, web_bank: Path, cwd: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import rounds.judge.engine as engine

    monkeypatch.setattr(engine, "measure_complexity",
                        lambda *a, **k: {"tier": "on-track", "message": "O(n) expected, yours grows like n: on track"})
    assert run("start", "algo/running-total", "--dir", "ws")[0] == 0
    (cwd / "ws" / "solution.py").write_text(RUNNING)
    code, out = run("submit", "ws", columns=200)
    assert code == 0, out
    assert out.count("Complexity:") == 1, out


def test_a_completed_attempt_keeps_its_final_time(settings: Settings, web_bank: Path, cwd: Path) -> None:
    from datetime import timedelta

    from rounds.services import attempts
    from rounds.storage.db import database

    assert run("start", "algo/running-total", "--dir", "ws", "--mode", "full")[0] == 0
    (cwd / "ws" / "solution.py").write_text(RUNNING)
    code, out = run("submit", "ws", columns=200)
    assert code == 0 and "Completed in" in out, out
    attempt_id = json.loads((cwd / "ws" / ".rounds.json").read_text())["attempt_id"]
    db = database(settings)
    now = attempts.attempt_status(sessions=db.sessions, attempt_id=attempt_id)
    later = attempts.attempt_status(sessions=db.sessions, attempt_id=attempt_id,
                                    now=now.clock.now + timedelta(hours=3))
    assert later.clock.elapsed == now.clock.elapsed == now.final_time
    assert later.clock.stopped
    code, out = run("status", "ws", "--json")
    status = json.loads(out)
    assert status["status"] == "completed" and status["elapsed_s"] == int(now.clock.elapsed.total_seconds())


def test_a_lower_resubmission_says_the_best_score_stands(settings: Settings, web_bank: Path, cwd: Path) -> None:
    assert run("start", "algo/running-total", "--dir", "ws")[0] == 0
    (cwd / "ws" / "solution.py").write_text(RUNNING)
    code, out = run("submit", "ws", columns=200)
    assert code == 0 and "score 600" in out
    (cwd / "ws" / "solution.py").write_text(RUNNING.replace("t += x", "t += 2 * x"))
    code, out = run("submit", "ws", columns=200)
    assert code == 1
    assert "the attempt's best score, 600 of 600, stands" in " ".join(out.split()), out
    assert "already complete" in out
    status = json.loads(run("status", "ws", "--json")[1])
    assert status["score"] == 600


def test_test_case_takes_numpy_arrays(settings: Settings, web_bank: Path, cwd: Path) -> None:
    assert run("start", "algo/running-total", "--dir", "ws")[0] == 0
    (cwd / "ws" / "solution.py").write_text(RUNNING)
    code, out = run("test", "ws", "--case", "np.array([1.0, 2.0])", "--case", "np.zeros(3)", columns=200)
    assert code == 0, out
    code, out = run("test", "ws", "--case", "[1]", "--case", "np.array([1.0]).sum()", columns=200)
    assert code == 2
    flat = " ".join(out.split())
    assert "custom input 2" in flat and "np.array" in flat and "<ast." not in flat


def test_stats_json_counts_the_catalog_per_round(settings: Settings) -> None:
    result = CliRunner().invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    problems = list(catalog())
    assert set(counts["rounds"]) >= {"algo", "oop", "ml"}
    for track in ("algo", "oop", "ml"):
        assert counts["rounds"][track] == sum(p.track == track for p in problems) > 0
        assert counts["levels"][track] == sum(len(p.levels) for p in problems if p.track == track)
    assert counts["total"] == len(problems) == sum(counts["rounds"].values())
    assert counts["total_levels"] == sum(counts["levels"].values())
    code, out = run("stats", columns=100)
    assert code == 0 and "total" in out and str(counts["total"]) in out


def test_one_time_vocabulary_in_the_terminal(settings: Settings, web_bank: Path, cwd: Path) -> None:
    from rounds.domain.attempt import describe_mode, mode_budgets

    tally = catalog().get("oop/tally")
    budgets = mode_budgets(problem_minutes=tally.minutes, levels=len(tally.levels))
    code, out = run("start", "oop/tally", "--dir", "p", columns=300)
    assert code == 0 and describe_mode("practice", budgets["practice"]) in out, out
    assert "no clock" not in out
    code, out = run("start", "oop/tally", "--new", "--mode", "full", "--dir", "f", columns=300)
    assert code == 0 and describe_mode("full", budgets["full"]) in out, out
    assert describe_mode("full", budgets["full"]) in (cwd / "f" / "README.md").read_text()
    code, out = run("start", "--help", columns=300)
    assert "no clock" not in out


def test_help_lists_the_learner_commands_first_in_the_order_of_use() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "120"})
    names = [line.split()[1] for line in result.output.splitlines()
             if line.startswith("│ ") and len(line.split()) > 2 and line.split()[1].isalpha()]
    learner = ["list", "start", "test", "submit", "status", "serve"]
    assert names[:len(learner)] == learner, names
    assert names.index("judge") > names.index("serve") and names.index("validate") > names.index("serve")


def test_workspace_commands_run_as_printed_without_rounds_on_path(settings: Settings, cwd: Path) -> None:
    import os
    import subprocess
    import sys

    bare = {"COLUMNS": "300", "PATH": "/usr/bin:/bin"}
    result = CliRunner().invoke(app, ["start", "algo/course-schedule-ii", "--dir", "ws"], env=bare)
    assert result.exit_code == 0, result.output
    rounds_path = str(Path(sys.executable).with_name("rounds"))
    assert f"`{rounds_path} test`" in result.output and "shell-setup" in result.output
    readme = (cwd / "ws" / "README.md").read_text()
    assert f"`{rounds_path} submit`" in readme and f"`{rounds_path} shell-setup`" in readme
    # The command as printed runs, from the workspace, with nothing on PATH.
    env = {**os.environ, **bare}
    done = subprocess.run([rounds_path, "status", "--json"], cwd=cwd / "ws", env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and json.loads(done.stdout)["problem_id"] == "algo/course-schedule-ii"
    result = CliRunner().invoke(app, ["shell-setup"], env={**bare, "SHELL": "/bin/bash"})
    assert result.exit_code == 0
    assert f'export PATH="{Path(sys.executable).parent}:$PATH"' in result.output


def test_feedback_and_complexity_read_as_plain_verdicts() -> None:
    from rounds.services.wording import complexity_text, feedback_text

    assert feedback_text("[0]: got 5") == "your return value[0]: got 5"
    assert feedback_text("[0][2]: 5 != expected") == "your return value[0][2] is 5, not the expected value"
    on_track = complexity_text({"tier": "on-track", "message": "O(V + E) expected, yours grows like n^1.5: on track"})
    assert on_track == "On track: your time grows like n^1.5, in line with the expected O(V + E)."
    slower = complexity_text({"tier": "slower", "message": "O(n log n) expected, yours grows like n^2"})
    assert slower.startswith("Slower than expected: your time grows like n^2")


def test_locked_levels_stay_out_of_the_workspace_until_they_unlock(settings: Settings, cwd: Path) -> None:
    from rounds.content.starters import _starter_upto

    p = catalog().get("oop/in-memory-db")
    code, out = run("start", p.id, "--dir", "ws", columns=200)
    assert code == 0, out
    solution = (cwd / "ws" / "solution.py").read_text()
    assert "def set(" in solution and "def scan(" not in solution and "Level 2" not in solution
    assert "def backup(" not in solution
    # A level-1 solution (the reference without its later methods) passes level 1 ...
    level1 = _starter_upto(p.id, p.reference_source, tuple(lv.statement for lv in p.levels), 1)
    assert "def scan(" not in level1
    (cwd / "ws" / "solution.py").write_text(level1)
    code, out = run("submit", "ws", columns=200)
    assert code == 0 and "Level 2 unlocked" in out, out
    # ... and the workspace gains level 2's stubs, nothing later.
    grown = (cwd / "ws" / "solution.py").read_text()
    assert grown.startswith(level1.rstrip()) and "def scan(" in grown and "def set_at(" not in grown
    assert "gains the stubs of level 2" in " ".join(out.split())
    code, out = run("status", "ws", "--json")
    assert code == 0


def test_an_imported_task_ships_only_the_unlocked_tests(settings: Settings, cwd: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fixture = Path(__file__).parent / "fixtures" / "icf"
    assert run("import", "icf", fixture / "inventory")[0] == 0
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    code, out = run("start", "oop/inventory-system", "--dir", "ws", columns=200)
    assert code == 0, out
    tests = cwd / "ws" / "tests"
    assert (tests / "level_1_tests.py").exists()
    assert not (tests / "level_2_tests.py").exists() and not (tests / "level_3_tests.py").exists()
    (cwd / "ws" / "solution.py").write_text((fixture / "solutions" / "inventory_good.py").read_text())
    code, out = run("submit", "ws", columns=200)
    assert code == 0 and "Level 2 unlocked" in out, out
    assert (tests / "level_2_tests.py").exists() and not (tests / "level_3_tests.py").exists()


ICF = Path(__file__).parent / "fixtures" / "icf"


def _task_copy(tmp_path: Path, name: str = "inventory") -> Path:
    import shutil

    return Path(shutil.copytree(ICF / "inventory", tmp_path / name))


def test_import_takes_a_flat_layout(settings: Settings, tmp_path: Path, cwd: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    task = _task_copy(tmp_path)
    for f in (task / "tests").glob("level_*_tests.py"):
        f.rename(task / f.name)
    (task / "tests").rmdir()
    code, out = run("import", "icf", task, "--no-check", columns=200)
    assert code == 0, out
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    assert run("start", "oop/inventory-system", "--dir", "ws")[0] == 0
    assert (cwd / "ws" / "level_1_tests.py").exists() and not (cwd / "ws" / "level_2_tests.py").exists()
    (cwd / "ws" / "solution.py").write_text((ICF / "solutions" / "inventory_good.py").read_text())
    code, out = run("test", "ws", columns=200)
    assert code == 0 and "3/3 tests passed" in out, out


def test_import_says_which_files_to_move_when_the_layout_is_mixed(settings: Settings, tmp_path: Path) -> None:
    task = _task_copy(tmp_path)
    (task / "level_1_tests.py").write_text((task / "tests" / "level_1_tests.py").read_text())
    code, out = run("import", "icf", task, "--no-check", columns=300)
    assert code == 2 and "move level_1_tests.py into tests/" in " ".join(out.split())


def test_import_without_an_interface_module(settings: Settings, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    task = _task_copy(tmp_path)
    impl = task / "inventory_system_impl.py"
    impl.write_text(impl.read_text().replace("from inventory_system import InventorySystem\n", "")
                    .replace("class InventorySystemImpl(InventorySystem):", "class InventorySystemImpl:"))
    (task / "inventory_system.py").unlink()
    code, out = run("import", "icf", task, "--no-check", columns=200)
    assert code == 0, out
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    statement = catalog().get("oop/inventory-system").statement_upto(1)
    assert "no separate interface module" in statement and "add_stock(" in statement


def test_import_never_shadows_the_bank_and_writes_true_docs(settings: Settings, tmp_path: Path, cwd: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    task = _task_copy(tmp_path, "in_memory_db")
    for f in task.glob("inventory_system*.py"):
        f.rename(task / f.name.replace("inventory_system", "in_memory_db"))
    for f in [*task.glob("*.py"), *(task / "tests").glob("*.py")]:
        f.write_text(f.read_text().replace("inventory_system", "in_memory_db"))
    (task / "README.md").unlink()
    code, out = run("import", "icf", task, "--no-check", columns=200)
    assert code == 0 and "oop/in-memory-db-imported" in out, out
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    p = catalog().get("oop/in-memory-db-imported")
    assert "## Level 1: Level 1" not in p.statement_upto(3)
    summary = p.statement_upto(1)
    assert "or None for an unknown item or too little stock." in summary  # docstrings are not cut short
    assert run("start", p.id, "--dir", "ws")[0] == 0
    readme = (cwd / "ws" / "README.md").read_text()
    examples = (cwd / "ws" / "examples.md").read_text()
    assert "hidden tests" not in readme and "--case '...'" not in readme and "own test files" in readme
    assert "reference solution;" not in examples and "own unittest files" in examples


def test_import_warns_when_the_starter_already_passes(settings: Settings, tmp_path: Path) -> None:
    task = _task_copy(tmp_path)
    (task / "inventory_system_impl.py").write_text((ICF / "solutions" / "inventory_good.py").read_text())
    code, out = run("import", "icf", task, columns=300)
    assert code == 0, out
    assert "already passes all" in " ".join(out.split())


def test_validate_says_skipped_for_an_imported_task(settings: Settings, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("import", "icf", _task_copy(tmp_path), "--no-check")[0] == 0
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    code, out = run("validate", "oop/inventory-system", columns=200)
    assert code == 0 and "skipped oop/inventory-system" in out, out


def test_a_missing_class_names_the_file_and_lists_the_classes_found(settings: Settings, tmp_path: Path, cwd: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("import", "icf", _task_copy(tmp_path), "--no-check")[0] == 0
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    assert run("start", "oop/inventory-system", "--dir", "ws")[0] == 0
    (cwd / "ws" / "solution.py").write_text("class Inventory:\n    pass\n\n\nclass Helper:\n    pass\n")
    code, out = run("submit", "ws", columns=300)
    flat = " ".join(out.split())
    assert code == 1 and "solution.py (your inventory_system_impl.py) defines no class named InventorySystemImpl" in flat
    assert "it defines the classes Inventory, Helper" in flat, flat


def test_a_warm_up_drill_has_its_own_clock(settings: Settings, cwd: Path) -> None:
    code, out = run("start", "oop/in-memory-db", "--mode", "drill", "--level", "1", "--minutes", "15", "--dir", "w",
                    columns=300)
    assert code == 0 and "one level against a 15-minute clock" in out, out
    code, out = run("start", "algo/course-schedule-ii", "--minutes", "15", "--dir", "x", columns=300)
    assert code == 2 and "no deadline" in out
