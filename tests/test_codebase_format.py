"""Codebase packages without the sandbox: the repository as an attempt's code, its limits, the
workspace reader, multi-file mutants, and the package gate's file checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rounds.content import codebase as cb
from rounds.content.catalog import BANK, catalog
from rounds.content.codebase_gate import check_package
from rounds.content.mutants import MutantError
from rounds.content.package import PackageError, load_problem

LOG = "codebase/log-pipeline"


def test_a_repository_round_trips_as_code() -> None:
    repo = {"pkg/__init__.py": "x = 1\n", "tests/test_a.py": "import pkg\n", "README.md": "é ünïcode\n"}
    code = cb.encode(repo)
    assert cb.decode(code) == repo
    assert cb.encode(cb.decode(code)) == code  # canonical: the workspace and the database agree byte for byte
    with pytest.raises(cb.RepoError, match="not a repository"):
        cb.decode("def solve(): pass\n")


@pytest.mark.parametrize(("repo", "why"), [
    ({"a.py": "x", "logo.png": "\x89PNG\x00\x00"}, "logo.png is a binary file"),
    ({"a.py": "x" * (cb.MAX_FILE_BYTES + 1)}, "a.py is 128 KB"),
    ({f"m{i}.py": "x" * 100_000 for i in range(3)}, "the repository holds 293 KB of text; the limit is 192 KB"),
    ({"../escape.py": "x"}, "paths must stay inside the repository"),
    ({"README.md": "no code"}, "no Python file"),
])
def test_what_cannot_be_submitted_is_named(repo: dict[str, str], why: str) -> None:
    with pytest.raises(cb.RepoError, match=why.replace("(", r"\(").replace(")", r"\)")):
        cb.check_repo(repo)


def test_the_workspace_reader_leaves_out_git_caches_and_workspace_files(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "pkg" / "core.py").write_text("def f():\n    return 1\n")
    (tmp_path / "pkg" / "__pycache__" / "core.cpython-311.pyc").write_bytes(b"\x00\x01")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    for name in (".rounds.json", "TASK.md", "editorial.md"):
        (tmp_path / name).write_text("{}")
    (tmp_path / ".gitignore").write_text("*.log\nbuild/\n")
    (tmp_path / "run.log").write_text("noise")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "out.py").write_text("x = 1\n")
    assert sorted(cb.read_tree(tmp_path)) == [".gitignore", "pkg/core.py"]
    (tmp_path / "weights.bin").write_bytes(b"\x00" * 10)
    with pytest.raises(cb.RepoError, match="weights.bin is a binary file"):
        cb.read_tree(tmp_path)


def test_a_codebase_package_loads_as_a_problem_of_its_own_round() -> None:
    p = catalog().get(LOG)
    assert (p.track, p.grader, len(p.levels)) == ("codebase", "codebase", 1)
    assert cb.decode(p.starter) == cb.starting_repo(p)
    assert p.examples(1) == [] and p.hidden(1, 0) == []
    ref = cb.reference_repo(p)
    assert ref.keys() == cb.starting_repo(p).keys()
    assert ref["logpipe/alerts.py"] != cb.starting_repo(p)["logpipe/alerts.py"]
    assert not any(k.startswith("hidden") for k in cb.starting_repo(p))  # the hidden tests stay in the package


def test_track_and_grader_go_together(tmp_path: Path) -> None:
    copy = tmp_path / "codebase" / "log-pipeline"
    shutil.copytree(BANK / LOG, copy)
    toml = copy / "problem.toml"
    toml.write_text(toml.read_text().replace('grader = "codebase"', 'grader = "function"'))
    with pytest.raises(PackageError, match="track and grader"):
        load_problem(copy)


def test_multi_file_mutants_apply_strictly() -> None:
    p = catalog().get(LOG)
    mutants = {m.name: m for m in cb.load_codebase_mutants(p)}
    m = mutants["interpolates_percentiles"]
    assert m.expect == "visible" and m.header["trap"].startswith("the median test is the wrong one")
    repo = cb.mutant_repo(p, m)
    changed = sorted(k for k in repo if repo[k] != cb.reference_repo(p)[k])
    assert changed == ["logpipe/stats.py", "tests/test_stats.py"]
    patch = m.path.read_text().replace("ordered[max(rank - 1, 0)]", "ordered[rank]")
    with pytest.raises(MutantError, match="logpipe/stats.py"):
        cb.apply_repo_patch(cb.reference_repo(p), patch, "mutants/x.patch")
    with pytest.raises(MutantError, match="does not have"):
        cb.apply_repo_patch({"a.py": "x\n"}, m.path.read_text(), "mutants/x.patch")


@pytest.mark.parametrize("pid", sorted(p.id for p in catalog() if p.track == "codebase"))
def test_every_bundled_codebase_is_complete(pid: str) -> None:
    p = catalog().get(pid)
    assert check_package(p) == []
    assert cb.ai_policy(p) in cb.AI
    kinds = {m.expect for m in cb.load_codebase_mutants(p)}
    assert "tier naive" in kinds and "hidden" in kinds  # a naive fix, and a fix the hidden tests reject


def test_the_gate_names_what_a_package_lacks(tmp_path: Path) -> None:
    copy = tmp_path / "codebase" / "log-pipeline"
    shutil.copytree(BANK / LOG, copy)
    (copy / "mutants" / "half_open_window.patch").write_text(
        (copy / "mutants" / "half_open_window.patch").read_text().replace("# expect: hidden", "# expect: later"))
    (copy / "bench.py").write_text("def build(rng):\n    return 1\n")
    (copy / "repo" / "EXPLANATION.md").unlink()
    out = check_package(load_problem(copy), bundled=False)
    assert any("expect must be one of" in f for f in out), out
    assert "bench.py defines no run()" in out and "bench.py defines no digest()" in out
    assert any("EXPLANATION.md is missing" in f for f in out)


def test_stats_count_codebases_by_ai_policy() -> None:
    import json

    from typer.testing import CliRunner

    from rounds.cli.app import app

    c = cb.counts()
    assert c["codebases"] == sum(p.track == "codebase" for p in catalog()) >= 3
    assert c["ai_allowed"] >= 1 and c["no_ai"] >= 1 and c["ai_allowed"] + c["no_ai"] == c["codebases"]
    assert c["mutants"] >= 3 * c["codebases"]
    out = CliRunner().invoke(app, ["stats", "--json"])
    data = json.loads(out.stdout)
    assert data["codebase"] == c and data["rounds"]["codebase"] == c["codebases"]
    table = CliRunner().invoke(app, ["stats"], env={"COLUMNS": "200"})
    assert f"codebase: {c['codebases']} repositories ({c['ai_allowed']} AI allowed, {c['no_ai']} no AI)" in table.output
