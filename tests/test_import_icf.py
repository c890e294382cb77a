"""`rounds import icf`: a unittest-levelled task becomes a problem the whole product can judge."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
from rounds.content import catalog as catalog_module
from rounds.content.catalog import catalog
from rounds.content.package import load_problem
from rounds.services.importer import ImportLayoutError, _split_levels, import_icf

FIXTURE = Path(__file__).parent / "fixtures" / "icf"
TASK = FIXTURE / "inventory"
GOOD = (FIXTURE / "solutions" / "inventory_good.py").read_text()
PID = "oop/inventory-system"


def cli(*args: str | Path, data: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    """The real command line in a subprocess, with its own data dir."""
    env = {**os.environ, "ROUNDS_DATA_DIR": str(data), "COLUMNS": "200"}
    env.pop("ROUNDS_BANK_PATH", None)
    proc = subprocess.run([sys.executable, "-m", "rounds.cli.app", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=180)
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def judge_json(data: Path, source: str, tmp_path: Path, *extra: str) -> tuple[int, dict]:
    f = tmp_path / "inventory_attempt.py"
    f.write_text(source)
    proc = cli("judge", PID, f, "--json", *extra, data=data)
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture
def task(tmp_path: Path) -> Path:
    """A private copy of the fixture task, free to be broken by a test."""
    return Path(shutil.copytree(TASK, tmp_path / "inventory"))


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """A data dir holding the fixture task, imported through the CLI."""
    data = tmp_path / "data"
    proc = cli("import", "icf", TASK, data=data, check=True)
    assert f"Imported {PID}: 3 level(s), 7 tests, fill in InventorySystemImpl." in " ".join(proc.stdout.split())
    return data


def test_import_writes_a_package_the_catalog_lists(imported: Path) -> None:
    folder = imported / "imported" / "oop" / "inventory-system"
    meta = tomllib.loads((folder / "problem.toml").read_text())
    assert (meta["grader"], meta["entry"], meta["unittest"]["impl"]) == ("unittest", "InventorySystemImpl",
                                                                        "inventory_system_impl.py")
    assert meta["unittest"]["levels"] == [f"tests/level_{n}_tests.py" for n in (1, 2, 3)]
    problem = load_problem(folder)
    assert problem.title == "Warehouse Inventory"
    assert [lv.title for lv in problem.levels] == ["Stock in and out", "Best stocked items", "Holds"]
    assert problem.starter == (TASK / "inventory_system_impl.py").read_text()
    first = problem.levels[0].statement
    assert "A small stock book" in first and "## Contract" in first
    assert "`remove_stock(timestamp: int, item: str, quantity: int) -> int | None`" in first
    assert "test_level_1_case_03_remove" in first and "Holds" not in first
    listed = json.loads(cli("list", "--json", "--track", "oop", data=imported, check=True).stdout)
    assert PID in [row["id"] for row in listed]


def test_judge_runs_the_level_files_test_by_test(imported: Path, tmp_path: Path) -> None:
    code, report = judge_json(imported, GOOD, tmp_path)
    assert code == 0, report
    assert report["highest_level_passed"] == 3 and len(report["tests"]) == 7
    assert report["tests"][0]["name"] == "test_level_1_case_01_add_and_get"
    assert {t["task_id"] for t in report["tests"]} == {1, 2, 3}

    code, report = judge_json(imported, (TASK / "inventory_system_impl.py").read_text(), tmp_path)
    assert code == 1
    tests = {t["name"]: t for t in report["tests"]}
    assert tests["test_level_1_case_02_unknown_item"]["verdict"] == "AC"
    wrong = tests["test_level_1_case_01_add_and_get"]
    assert wrong["verdict"] == "WA" and wrong["message"] == "0 != 5 (tests/level_1_tests.py line 16)"
    assert [lv["ran"] for lv in report["levels"]] == [True, False, False]


def test_errors_in_the_users_code_are_runtime_errors_per_test(imported: Path, tmp_path: Path) -> None:
    broken = GOOD.replace("return self._free(timestamp, item) if item in self.stock else None",
                          "return self.stock[item] - self._held(timestamp, item)")
    code, report = judge_json(imported, broken, tmp_path, "--level", "1")
    assert code == 1
    tests = {t["name"]: t for t in report["tests"]}
    bad = tests["test_level_1_case_02_unknown_item"]
    assert bad["verdict"] == "RE"
    assert bad["message"].startswith("raised KeyError: 'nut' (inventory_system_impl.py line")
    assert tests["test_level_1_case_01_add_and_get"]["verdict"] == "AC"


def test_a_hanging_test_gets_its_own_verdict(imported: Path, tmp_path: Path) -> None:
    toml = imported / "imported" / "oop" / "inventory-system" / "problem.toml"
    toml.write_text(toml.read_text().replace("cpu_ms = 2000", "cpu_ms = 300"))
    # Level 1's tests carry @timeout(0.4): the test's own limit stops the loop, the others run on.
    hangs = GOOD.replace("    def remove_stock(self, timestamp, item, quantity):\n",
                         "    def remove_stock(self, timestamp, item, quantity):\n        while item == 'gear':\n"
                         "            pass\n")
    code, report = judge_json(imported, hangs, tmp_path, "--level", "1")
    assert code == 1
    verdicts = {t["name"]: t["verdict"] for t in report["tests"]}
    assert verdicts == {"test_level_1_case_01_add_and_get": "AC", "test_level_1_case_02_unknown_item": "AC",
                        "test_level_1_case_03_remove": "TLE"}
    assert "Timed Out: over the test's limit of 0.4 s of CPU" in report["tests"][2]["message"]
    # Level 2's tests have no timeout of their own: the run is stopped, then each test runs alone.
    loops = GOOD.replace("        free = [(item, self._free(timestamp, item)) for item in self.stock]\n",
                         "        while n == 2:\n            pass\n"
                         "        free = [(item, self._free(timestamp, item)) for item in self.stock]\n")
    code, report = judge_json(imported, loops, tmp_path, "--level", "2")
    assert code == 1
    verdicts = {t["name"]: t["verdict"] for t in report["tests"] if t["level"] == 2}
    assert verdicts == {"test_level_2_case_01_order": "TLE", "test_level_2_case_02_empty_items_left_out": "AC"}


def test_an_exception_is_a_runtime_error_even_when_failureexception_is_exception(imported: Path,
                                                                                 tmp_path: Path) -> None:
    raises = GOOD.replace("        if item not in self.stock or self._free(timestamp, item) < quantity:\n"
                          "            return None\n        self.stock[item] -= quantity",
                          "        self.stock[item] -= quantity")
    code, report = judge_json(imported, raises, tmp_path, "--level", "1")
    tests = {t["name"]: t for t in report["tests"]}
    assert tests["test_level_1_case_02_unknown_item"]["verdict"] == "RE"
    assert tests["test_level_1_case_02_unknown_item"]["message"].startswith("raised KeyError: 'nut'")
    assert tests["test_level_1_case_03_remove"]["verdict"] == "WA"


def test_a_test_file_that_fails_to_import_is_named(task: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with (task / "tests" / "level_2_tests.py").open("a") as f:
        f.write("\nraise RuntimeError('fixture left half-edited')\n")
    cli("import", "icf", task, data=data, check=True)
    code, report = judge_json(data, GOOD, tmp_path)
    assert code == 2  # not the user's fault: an internal error of the task
    broken = report["tests"][-1]
    assert (broken["level"], broken["name"], broken["verdict"]) == (2, "tests/level_2_tests.py", "IE")
    assert "tests/level_2_tests.py fails to import (tests/level_2_tests.py line 22): RuntimeError: fixture left " \
           "half-edited" in broken["message"]
    assert "not your code" in broken["message"]


@pytest.mark.parametrize(("damage", "message"), [
    (lambda t: (t / "inventory_system.py").unlink(),  # the impl still imports it
     "inventory_system_impl.py imports inventory_system (line 1), which the sandbox does not have"),
    (lambda t: (t / "inventory_system_impl.py").unlink(), "has no *_impl.py"),
    (lambda t: (t / "tests" / "level_2_tests.py").unlink(), "tests/level_2_tests.py is missing (level 3 exists)"),
    (lambda t: shutil.rmtree(t / "tests"), "has no level_N_tests.py at the top: put the level test files"),
    (lambda t: (t / "tests" / "level_1_tests.py").write_text("import unittest\nimport requests\n"),
     "level_1_tests.py imports requests (line 2), which the sandbox does not have"),
    (lambda t: (t / "tests" / "level_3_tests.py").write_text("import unittest\n\nclass T(unittest.TestCase):\n"),
     "level_3_tests.py does not parse: line 3"),
    (lambda t: (t / "tests" / "level_3_tests.py").write_text("import unittest\n"), "defines no test methods"),
])
def test_a_folder_without_the_layout_says_what_is_missing(task: Path, tmp_path: Path, damage, message: str) -> None:
    damage(task)
    proc = cli("import", "icf", task, data=tmp_path / "data")
    assert proc.returncode == 2
    assert message in " ".join(proc.stderr.split()), proc.stderr
    assert not (tmp_path / "data" / "imported" / "oop" / "inventory-system").exists()


def test_import_refuses_to_overwrite_or_to_shadow_the_bank(task: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    import_icf(path=task, data_dir=data)
    with pytest.raises(ImportLayoutError, match="already imported"):
        import_icf(path=task, data_dir=data)
    (task / "tests" / "level_3_tests.py").unlink()
    assert import_icf(path=task, data_dir=data, force=True).levels == 2
    with pytest.raises(ImportLayoutError, match="bundled bank"):
        import_icf(path=task, data_dir=data, slug="in-memory-db")


def test_without_a_readme_the_statement_is_generated(task: Path, tmp_path: Path) -> None:
    (task / "README.md").unlink()
    done = import_icf(path=task, data_dir=tmp_path / "data", slug="stock-book")
    problem = load_problem(done.folder)
    assert (problem.id, problem.title) == ("oop/stock-book", "Inventory System")
    assert [lv.title for lv in problem.levels] == [f"the tests in tests/level_{n}_tests.py" for n in (1, 2, 3)]
    first = problem.levels[0].statement
    assert "Fill in `InventorySystemImpl` in `inventory_system_impl.py`" in first
    assert "- `hold(timestamp: int, item: str, quantity: int, ttl: int) -> str | None`: Level 3:" in first
    assert "Level 3 passes when every test in `tests/level_3_tests.py` passes" in problem.levels[2].statement


def test_level_headings_split_a_readme() -> None:
    intro, levels = _split_levels("# T\n\nIntro.\n\n## Level 1: Basics\nOne.\n### Level 2 - More\nTwo.\n", 2)
    assert intro == "Intro."
    assert levels == {1: ("Basics", "One."), 2: ("More", "Two.")}


def rounds(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    return result.exit_code, " ".join(result.output.split())


def test_start_test_submit_climb_an_imported_task(settings: Settings, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = rounds("import", "icf", TASK)
    assert code == 0, out
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    assert catalog().get(PID).grader == "unittest"
    monkeypatch.chdir(tmp_path)
    code, out = rounds("start", PID, "--dir", "ws")
    assert code == 0, out
    ws = tmp_path / "ws"
    assert "## Level 1: Stock in and out" in (ws / "README.md").read_text()
    # The task's own modules come along, so solution.py imports work outside the judge too.
    assert sorted(p.name for p in ws.glob("*.py")) != ["solution.py"]
    assert (ws / "tests" / "level_1_tests.py").exists()
    code, out = rounds("test", "ws")
    assert code == 1 and "1/3 tests passed" in out
    (ws / "solution.py").write_text(GOOD)
    code, out = rounds("submit", "ws")
    assert code == 0 and "Level 2 unlocked: Best stocked items" in out, out
    assert rounds("submit", "ws")[0] == 0
    code, out = rounds("submit", "ws")
    assert code == 0 and "Attempt complete: score 600 of 600" in out, out
    code, out = rounds("test", "ws", "--case", "1, 2")
    assert code == 2 and "custom inputs need a reference solution" in out
    code, out = rounds("validate", PID, "-v")
    assert code == 0 and "validate skips it" in out


def test_the_web_page_judges_an_imported_task(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    import time
    import warnings

    from starlette.exceptions import StarletteDeprecationWarning

    with warnings.catch_warnings():  # starlette prefers httpx2; the client behaves the same with httpx
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from starlette.testclient import TestClient

    from rounds.web.app import create_app

    import_icf(path=TASK, data_dir=settings.data_dir)
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    base = "http://127.0.0.1:8000"
    with TestClient(create_app(settings), base_url=base) as client:
        page = client.get(f"/p/{PID}")
        assert page.status_code == 200 and "Stock in and out" in page.text
        token = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', page.text)
        assert token
        headers = {"Origin": base, "X-CSRF-Token": token.group(1), "HX-Request": "true"}
        fragment = client.post(f"/p/{PID}/submit", data={"code": GOOD}, headers=headers).text
        deadline = time.monotonic() + 90
        while 'data-done="no"' in fragment and time.monotonic() < deadline:
            job = re.search(r'hx-get="(/jobs/[^"]+)"', fragment)
            assert job, fragment
            time.sleep(0.1)
            fragment = client.get(job.group(1), headers={"HX-Request": "true"}).text
    assert "Accepted: 3/3 tests passed" in " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
    assert "test_level_1_case_03_remove" in fragment and "Level 2 unlocked" in fragment


def test_every_import_option_is_documented() -> None:
    import typer.main

    doc = (Path(__file__).resolve().parents[1] / "docs" / "import.md").read_text()
    group = typer.main.get_command(app).commands["import"]  # type: ignore[attr-defined]
    assert sorted(group.commands) == ["icf"]
    assert "## `rounds import icf PATH`" in doc
    for param in group.commands["icf"].params:  # type: ignore[attr-defined]
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in doc, f"import icf {opt} is not in docs/import.md"
