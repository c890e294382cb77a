"""`rounds mutant new / save / show / list`: authoring a mutant as a patch, in a throwaway bank."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
from rounds.content import catalog as catalog_module
from rounds.content.mutants import load_mutants

DOUBLE = Path(__file__).parent / "judge_cases" / "_bank" / "algo" / "double"


@pytest.fixture
def pkg(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """algo/double in a bank of its own, no mutants yet; the current folder is an empty one."""
    bank = tmp_path / "bank"
    pkg = bank / "algo" / "double"
    shutil.copytree(DOUBLE, pkg)
    shutil.rmtree(pkg / "mutants")
    monkeypatch.setenv("ROUNDS_BANK_PATH", str(bank))
    monkeypatch.setattr(catalog_module, "_CATALOG", None)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return pkg


def rounds(*args: str, input: str | None = None) -> tuple[int, str]:
    r = CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})
    return r.exit_code, r.output


def test_new_edit_save_show(pkg: Path) -> None:
    code, out = rounds("mutant", "new", "algo/double", "off_by_one")
    assert code == 0, out
    scratch = Path("off_by_one.py")
    assert scratch.read_text() == "# rounds mutant: algo/double off_by_one\n" + (pkg / "reference.py").read_text()
    scratch.write_text(scratch.read_text().replace("2 * x", "2 * x + 1  # one too many"))

    code, out = rounds("mutant", "save", "--trap", "the smallest input", "--models", "adds one",
                       "--caught-by", "test 1.1 (WA)")
    assert code == 0, out
    patch = pkg / "mutants" / "off_by_one.patch"
    assert f"Wrote {patch} (2 changed lines)." in out
    assert patch.read_text() == (
        "# trap: the smallest input\n# models: adds one\n# caught by: test 1.1 (WA)\n"
        "--- reference.py\n+++ mutants/off_by_one.py\n@@ -1,2 +1,2 @@\n def solve(x: int) -> int:\n"
        "-    return 2 * x\n+    return 2 * x + 1  # one too many\n")

    code, out = rounds("mutant", "show", "algo/double", "off_by_one")
    assert code == 0, out
    assert out == "def solve(x: int) -> int:\n    return 2 * x + 1  # one too many\n"
    code, out = rounds("mutant", "show", "algo/double", "off_by_one", "--patch")
    assert out == patch.read_text()
    code, out = rounds("mutant", "list", "algo/double")
    assert (code, out) == (0, "off_by_one: the smallest input\n")


def test_save_asks_for_the_header_and_keeps_it_when_the_mutant_is_edited_again(pkg: Path) -> None:
    rounds("mutant", "new", "algo/double", "negated")
    Path("negated.py").write_text(Path("negated.py").read_text().replace("2 * x", "-2 * x"))
    code, out = rounds("mutant", "save", "negated.py", input="negative inputs\nflips the sign\n")
    assert code == 0, out
    assert "The trap it encodes" in out and "The realistic mistake it models" in out
    assert (pkg / "mutants" / "negated.patch").read_text().startswith(
        "# trap: negative inputs\n# models: flips the sign\n--- reference.py\n")

    Path("negated.py").unlink()
    code, out = rounds("mutant", "new", "algo/double", "negated")  # starts from the mutant, not the reference
    assert code == 0 and "mutant negated.patch of algo/double" in out
    assert "-2 * x" in Path("negated.py").read_text()
    Path("negated.py").write_text(Path("negated.py").read_text().replace("-2 * x", "-(2 * x)"))
    code, out = rounds("mutant", "save", "--models", "negates the double")
    assert code == 0, out
    text = (pkg / "mutants" / "negated.patch").read_text()
    assert text.startswith("# trap: negative inputs\n# models: negates the double\n")
    assert "+    return -(2 * x)\n" in text


def test_save_replaces_a_whole_file_mutant(pkg: Path) -> None:
    (pkg / "mutants").mkdir()
    (pkg / "mutants" / "zero.py").write_text("# trap: t\n# models: m\n# whole file: w\ndef solve(x):\n    return 0\n")
    rounds("mutant", "new", "algo/double", "zero")
    assert Path("zero.py").read_text() == "# rounds mutant: algo/double zero\ndef solve(x):\n    return 0\n"
    Path("zero.py").write_text("# rounds mutant: algo/double zero\n"
                               + (pkg / "reference.py").read_text().replace("2 * x", "0 * x"))
    code, out = rounds("mutant", "save", "zero.py")
    assert code == 0, out
    assert "the patch replaces the whole-file mutant" in out
    assert [m.file_name for m in load_mutants(pkg)] == ["zero.patch"]
    assert parse(pkg / "mutants" / "zero.patch") == {"trap": "t", "models": "m"}


def parse(path: Path) -> dict[str, str]:
    from rounds.content.mutants import parse_header

    return parse_header(path.read_text())


def test_show_reports_a_patch_that_no_longer_applies(pkg: Path) -> None:
    rounds("mutant", "new", "algo/double", "plus_one")
    Path("plus_one.py").write_text(Path("plus_one.py").read_text().replace("2 * x", "2 * x + 1"))
    assert rounds("mutant", "save", "--trap", "t", "--models", "m")[0] == 0
    (pkg / "reference.py").write_text("def solve(x: int) -> int:\n    return x << 1\n")
    code, out = rounds("mutant", "show", "algo/double", "plus_one")
    assert code == 2
    assert "mutant plus_one.patch no longer applies to reference.py: hunk @@ -1,2 +1,2 @@" in " ".join(out.split())


@pytest.mark.parametrize(("args", "needle"), [
    (["mutant", "new", "algo/nope", "x"], "no problem with id 'algo/nope'"),
    (["mutant", "new", "algo/double", "Bad-Name"], "is not a mutant name"),
    (["mutant", "show", "algo/double", "ghost"], "has no mutant 'ghost' (its mutants: none yet)"),
    (["mutant", "save"], "no scratch file here"),
    (["mutant", "save", "README.md"], "does not start with '# rounds mutant: PROBLEM NAME'"),
])
def test_usage_errors_exit_2(pkg: Path, args: list[str], needle: str) -> None:
    Path("README.md").write_text("notes\n")
    code, out = rounds(*args)
    assert code == 2
    assert needle in " ".join(out.split())


def test_save_refuses_no_change_and_code_that_does_not_compile(pkg: Path) -> None:
    rounds("mutant", "new", "algo/double", "same")
    code, out = rounds("mutant", "save", "--trap", "t", "--models", "m")
    assert code == 2 and "is the reference itself" in out
    Path("same.py").write_text(Path("same.py").read_text().replace("return", "retrun"))
    code, out = rounds("mutant", "save", "--trap", "t", "--models", "m")
    assert code == 2 and "does not compile" in out
    assert not (pkg / "mutants" / "same.patch").exists()


def test_new_will_not_overwrite_a_scratch_file(pkg: Path) -> None:
    assert rounds("mutant", "new", "algo/double", "a")[0] == 0
    code, out = rounds("mutant", "new", "algo/double", "a")
    assert code == 2 and "exists" in out
    assert rounds("mutant", "new", "algo/double", "a", "--force")[0] == 0
    code, out = rounds("mutant", "new", "algo/double", "b", "--dir", "scratch")
    assert code == 0 and Path("scratch/b.py").exists()
    code, out = rounds("mutant", "save")
    assert code == 2 and "a.py is the reference itself" in out  # the one scratch file here is a.py
