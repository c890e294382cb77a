"""Mutants as patches: strict application to the current reference, headers, and what validate says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rounds.content.mutants import (
    MutantError,
    apply_patch,
    load_mutants,
    make_patch,
    parse_header,
    strip_header,
)
from rounds.content.package import load_problem
from rounds.content.validate import validate_problem
from rounds.domain import verdict as v

DOUBLE = Path(__file__).parent / "judge_cases" / "_bank" / "algo" / "double"

REF = "".join(f"line {i}\n" for i in range(1, 21))
HEAD = {"trap": "line 5 is special", "models": "writes it in capitals"}


def test_a_patch_round_trips_and_holds_only_the_change() -> None:
    mutant = REF.replace("line 5\n", "LINE 5\n")
    text = make_patch(REF, mutant, "capital", HEAD)
    assert text.startswith("# trap: line 5 is special\n# models: writes it in capitals\n--- reference.py\n")
    assert "-line 5\n+LINE 5\n" in text
    assert len(text.splitlines()) == 2 + 2 + 1 + 8  # header, file names, @@, 3 context, -, +, 3 context
    assert apply_patch(REF, text) == mutant


def test_a_hunk_moves_with_lines_added_above_it_but_never_fuzzes() -> None:
    text = make_patch(REF, REF.replace("line 12\n", "line twelve\n"), "m", HEAD)
    moved = "new first line\nanother\n" + REF
    assert apply_patch(moved, text) == moved.replace("line 12\n", "line twelve\n")
    edited = REF.replace("line 10\n", "line 10 (fixed)\n")  # a context line of the hunk changed
    with pytest.raises(MutantError) as e:
        apply_patch(edited, text, where="mutant m.patch")
    msg = str(e.value)
    assert msg.startswith("mutant m.patch no longer applies to reference.py")
    assert "hunk @@ -9,7 +9,7 @@" in msg
    assert "line 10 of reference.py is 'line 10 (fixed)', the patch expects 'line 10'" in msg


def test_second_hunk_named_when_it_alone_no_longer_applies() -> None:
    mutant = REF.replace("line 2\n", "line two\n").replace("line 18\n", "line eighteen\n")
    text = make_patch(REF, mutant, "m", HEAD)
    assert text.count("\n@@ ") == 2
    with pytest.raises(MutantError, match=r"hunk @@ -15,6 \+15,6 @@: line 18 of reference.py is 'gone'"):
        apply_patch(REF.replace("line 18\n", "gone\n"), text)


def test_insertions_deletions_and_the_end_of_the_file() -> None:
    mutant = REF.replace("line 1\n", "").replace("line 20\n", "line 20\nline 21\n") + "tail\n"
    assert apply_patch(REF, make_patch(REF, mutant, "m", HEAD)) == mutant


def test_malformed_patches_say_what_is_wrong() -> None:
    with pytest.raises(MutantError, match="unified diff starting with '--- reference.py'"):
        apply_patch(REF, "# trap: x\n# models: y\nnot a diff\n")
    with pytest.raises(MutantError, match="ends early"):
        apply_patch(REF, "--- reference.py\n+++ m.py\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n")
    with pytest.raises(MutantError, match="no hunks"):
        apply_patch(REF, "--- reference.py\n+++ m.py\n")
    with pytest.raises(MutantError, match="more than one file"):
        apply_patch(REF, "--- reference.py\n+++ m.py\n@@ -1 +1 @@\n-line 1\n+x\n--- other.py\n+++ o.py\n")
    with pytest.raises(MutantError, match="is the reference itself"):
        make_patch(REF, REF, "same", HEAD)


def test_headers_parse_with_continuation_lines_and_stop_at_code() -> None:
    text = "# trap: a long\n#   explanation\n# models: m\n# caught by: test 1.2 (WA: x); test 2.1\nimport os\n# trap: no\n"
    assert parse_header(text) == {"trap": "a long explanation", "models": "m", "caught by": "test 1.2 (WA: x); test 2.1"}
    assert parse_header("import os\n") == {}
    assert strip_header(text) == "import os\n# trap: no\n"


def _package(tmp_path: Path) -> Path:
    pkg = tmp_path / "algo" / "double"
    shutil.copytree(DOUBLE, pkg)
    shutil.rmtree(pkg / "mutants")
    (pkg / "mutants").mkdir()
    ref = (pkg / "reference.py").read_text()
    for i in range(1, 6):
        fields = {"trap": f"off by {i}", "models": "adds a constant", "caught by": "test 1.1 (WA)"}
        (pkg / "mutants" / f"off_by_{i}.patch").write_text(
            make_patch(ref, ref.replace("2 * x", f"2 * x + {i}"), f"off_by_{i}", fields))
    return pkg


def test_a_patch_wins_over_a_whole_file_of_the_same_name(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "mutants" / "off_by_1.py").write_text("def solve(x):\n    return 0\n")
    (pkg / "mutants" / "notes.txt").write_text("not a mutant")
    ms = load_mutants(pkg)
    assert [m.file_name for m in ms] == [f"off_by_{i}.patch" for i in range(1, 6)]
    assert ms[0].source == "def solve(x: int) -> int:\n    return 2 * x + 1\n"
    assert ms[0].caught_by == ["test 1.1"]


class _Judge:
    """Accepts the reference; rejects anything else on test 1.1 unless it returns 2 * x + 5."""

    def __init__(self) -> None:
        self.sources: list[str] = []

    def judge(self, problem, source, *, level=1, seed=0, suite="hidden", fail_fast=False, **_):  # type: ignore[no-untyped-def]
        self.sources.append(source)
        ok = source == problem.reference_source or "+ 5" in source
        tests = [v.TestResult("test 1.1", 1, v.Verdict.AC if ok else v.Verdict.WA, "" if ok else "wrong",
                              cpu_ms=1.0, cpu_limit_ms=1000),
                 v.TestResult("test 1.2", 1, v.Verdict.AC, cpu_ms=1.0, cpu_limit_ms=1000)]
        if "x + 4" in source:  # rejected, but later than its header says
            tests = tests[::-1]
            tests[0] = v.TestResult("test 1.1", 1, v.Verdict.AC, cpu_ms=1.0, cpu_limit_ms=1000)
            tests[1] = v.TestResult("test 1.2", 1, v.Verdict.WA, "wrong", cpu_ms=1.0, cpu_limit_ms=1000)
        return v.Report(problem.id, [v.LevelResult(1, tests)])


def test_validate_judges_the_patched_reference_and_checks_headers(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    judge = _Judge()
    res = validate_problem(load_problem(pkg), judge)  # type: ignore[arg-type]
    fails = "\n".join(res.failures)
    assert "mutant off_by_5.patch passes every hidden test" in fails
    assert len(res.failures) == 1, fails
    assert ("mutant off_by_4: rejected by test 1.2 (WA), not by test 1.1 as its header says: a mutant that "
            "depends on order, timing or load, or a header to update") in res.notes
    assert "def solve(x: int) -> int:\n    return 2 * x + 3\n" in judge.sources
    assert "mutant off_by_1: test 1.1: WA wrong" in res.notes


def test_validate_names_the_hunk_of_a_stale_patch_and_a_missing_header(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "reference.py").write_text("def solve(x: int) -> int:\n    return x + x\n")
    text = (pkg / "mutants" / "off_by_2.patch").read_text()
    (pkg / "mutants" / "off_by_2.patch").write_text(text.split("\n", 3)[3])  # no header at all
    text = (pkg / "mutants" / "off_by_3.patch").read_text()
    (pkg / "mutants" / "off_by_3.patch").write_text(text.split("\n", 1)[1])  # no trap
    (pkg / "mutants" / "legacy.py").write_text("# trap: t\n# models: m\ndef solve(x):\n    return 1\n")
    res = validate_problem(load_problem(pkg), _Judge())  # type: ignore[arg-type]
    fails = "\n".join(res.failures)
    assert ("mutant off_by_1.patch no longer applies to reference.py: hunk @@ -1,2 +1,2 @@: line 2 of "
            "reference.py is '    return x + x', the patch expects '    return 2 * x'") in fails
    assert "mutant off_by_2.patch has no header: its first lines must be '# trap: ...'" in fails
    assert "mutant off_by_3.patch: the header lacks '# trap: ...'" in fails
    assert "mutant legacy.py is a whole file: its header must say why a patch cannot express the trap" in fails


def test_a_whole_file_mutant_without_any_header_is_judged_and_noted(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "mutants" / "old_style.py").write_text("def solve(x):\n    return 0\n")
    res = validate_problem(load_problem(pkg), _Judge())  # type: ignore[arg-type]
    assert not any("old_style" in f for f in res.failures)
    assert any(n.startswith("mutant old_style.py has no header") for n in res.notes)


def test_a_slow_mutant_may_hit_its_time_limit_on_a_neighbouring_test(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    text = (pkg / "mutants" / "off_by_1.patch").read_text().replace("test 1.1 (WA)", "test 1.9 (TLE: large (1e6))")
    (pkg / "mutants" / "off_by_1.patch").write_text(text)

    class Slow(_Judge):
        def judge(self, problem, source, **kw):  # type: ignore[no-untyped-def]
            rep = super().judge(problem, source, **kw)
            if "x + 1" in source:
                rep.levels[0].tests[0] = v.TestResult("test 1.1", 1, v.Verdict.TLE, "CPU time limit exceeded")
            return rep

    judge = Slow()
    res = validate_problem(load_problem(pkg), judge)  # type: ignore[arg-type]
    assert not any("off_by_1" in f for f in res.failures), res.failures
    assert any(n.startswith("mutant off_by_1: rejected by test 1.1 (TLE), not by test 1.9") for n in res.notes)
    assert sum("x + 1" in src for src in judge.sources) == 1  # a slow mutant is not run through every test


def test_caught_by_names_lose_their_remarks_nested_brackets_too(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    text = (pkg / "mutants" / "off_by_1.patch").read_text().replace(
        "test 1.1 (WA)", "test 2.4 (WA: (batch, tokens)); big case (TLE); test 1.1")
    (pkg / "mutants" / "off_by_1.patch").write_text(text)
    m = load_mutants(pkg)[0]
    assert m.caught_by == ["test 2.4", "big case", "test 1.1"]
    assert not m.caught_by_time_limit
    assert load_mutants(pkg)[1].caught_by == ["test 1.1"] and not load_mutants(pkg)[1].caught_by_time_limit
