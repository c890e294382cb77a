"""`rounds validate` and `rounds stats` cover every kind of content, not only problem packages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.content import behavioral, design


@pytest.fixture
def no_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    from rounds.services import judging

    monkeypatch.setattr(judging, "validate", lambda **kw: ([], {}))  # the problem packages are not under test


def test_validate_reports_design_prompts_and_the_behavioral_bank(no_packages: None) -> None:
    out = CliRunner().invoke(app, ["validate"])
    assert out.exit_code == 0, out.output
    first_model = "model/" + sorted(p.id for p in design.bank().of_kind("model"))[0]
    assert f"design/{first_model}" in out.output
    assert "behavioral/questions.toml" in out.output
    assert "behavioral/values/amazon.toml" in out.output


def test_a_broken_design_prompt_fails_validate_and_says_why(no_packages: None, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "design"
    shutil.copytree(design.DESIGN_ROOT, root)
    victim = sorted((root / "infra").glob("*.toml"))[0]
    text = victim.read_text()
    victim.write_text(text.replace("[[probe", "[[unused_probe", 1) if "[[probe" in text
                      else text.replace("probes = [", "probes_gone = [", 1))
    monkeypatch.setattr(design, "DESIGN_ROOT", root)
    out = CliRunner().invoke(app, ["validate"])
    assert out.exit_code != 0
    assert f"FAIL design/infra/{victim.stem}" in out.output
    assert "probe" in out.output.split(f"FAIL design/infra/{victim.stem}", 1)[1]


def test_a_broken_behavioral_file_fails_validate(no_packages: None, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "behavioral"
    shutil.copytree(behavioral.BEHAVIORAL_ROOT, root)
    q = root / "questions.toml"
    q.write_text(q.read_text().replace('signal = "ownership"', 'signal = "bravado"', 1))
    monkeypatch.setattr(behavioral, "BEHAVIORAL_ROOT", root)
    out = CliRunner().invoke(app, ["validate"])
    assert out.exit_code != 0
    assert "FAIL behavioral/questions.toml" in out.output and "bravado" in out.output


def test_a_broken_talk_rubric_fails_validate_and_the_rubric_is_counted(no_packages: None, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "behavioral"
    shutil.copytree(behavioral.BEHAVIORAL_ROOT, root)
    rubric = root / "talk_rubric.toml"
    rubric.write_text(rubric.read_text().replace('id = "slides-readable"', 'id = "time-kept"', 1))
    monkeypatch.setattr(behavioral, "BEHAVIORAL_ROOT", root)
    monkeypatch.setattr(behavioral, "_BANK", None)  # the broken copy is loaded once, then forgotten
    out = CliRunner().invoke(app, ["validate"])
    assert out.exit_code != 0
    assert "FAIL behavioral/talk_rubric.toml" in out.output and "item 'time-kept': the id is used twice" in out.output
    monkeypatch.undo()
    data = json.loads(CliRunner().invoke(app, ["stats", "--json"]).stdout)
    assert data["behavioral"]["talk_rubric"] == len(behavioral.bank().talk_rubric) >= 8
    table = CliRunner().invoke(app, ["stats"], env={"COLUMNS": "200"})
    assert f"{data['behavioral']['talk_rubric']} talk rubric items" in table.output


def test_stats_counts_every_round() -> None:
    out = CliRunner().invoke(app, ["stats", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["model-design"] == len(design.bank().of_kind("model")) >= 24
    assert data["infra-design"] == len(design.bank().of_kind("infra")) >= 14
    assert data["behavioral"]["questions"] == len(behavioral.bank().questions) >= 80
    assert data["behavioral"]["companies"] >= 8
    table = CliRunner().invoke(app, ["stats"])
    assert f"model design: {data['model-design']} prompts" in table.output
    assert f"behavioral: {data['behavioral']['questions']} questions" in table.output


def test_validate_reports_loop_templates_and_fails_a_broken_one(no_packages: None, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from rounds.content import loops

    out = CliRunner().invoke(app, ["validate"])
    assert out.exit_code == 0, out.output
    assert "ok   loops/mle-onsite" in out.output
    root = tmp_path / "loops"
    shutil.copytree(loops.LOOPS_ROOT, root)
    victim = sorted(root.glob("*.toml"))[0]
    victim.write_text(victim.read_text().replace("minutes", "minuets", 1))
    monkeypatch.setattr(loops, "LOOPS_ROOT", root)
    bad = CliRunner().invoke(app, ["validate"])
    assert bad.exit_code != 0
    assert f"FAIL loops/{victim.name}" in bad.output


def test_stats_counts_loop_templates() -> None:
    from rounds.content import loops

    data = json.loads(CliRunner().invoke(app, ["stats", "--json"]).stdout)
    assert data["loops"]["templates"] == len(list(loops.load_loops())) >= 4
    assert data["loops"]["presets"] >= 1
