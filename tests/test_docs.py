"""Every setting and every command is documented: a new one without docs fails here."""

from __future__ import annotations

from pathlib import Path

import typer.main

from rounds.cli.app import app
from rounds.config import Settings

ROOT = Path(__file__).parent.parent
DOCS = "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def test_every_setting_is_documented():
    text = (ROOT / "docs" / "configuration.md").read_text()
    for name in Settings.model_fields:
        assert f"`{name}`" in text, f"setting {name} is not in docs/configuration.md"
        assert f"ROUNDS_{name.upper()}" in text, f"ROUNDS_{name.upper()} is not in docs/configuration.md"


def test_every_command_is_documented():
    group = typer.main.get_command(app)
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"rounds {name}" in DOCS, f"`rounds {name}` is not mentioned in README.md or docs/"
