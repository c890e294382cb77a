"""docs/cli.md must describe every workspace command and every option they take."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from rounds.cli.workspace import commands

DOC = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text()
GROUP = typer.main.get_command(commands)
NAMES = sorted(GROUP.commands)  # type: ignore[attr-defined]


def test_the_workspace_commands() -> None:
    assert NAMES == ["start", "status", "submit", "test"]


@pytest.mark.parametrize("name", NAMES)
def test_each_command_and_option_is_documented(name: str) -> None:
    assert f"## `rounds {name}" in DOC
    for param in GROUP.commands[name].params:  # type: ignore[attr-defined]
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in DOC, f"{name} {opt} is not in docs/cli.md"
