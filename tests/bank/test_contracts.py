"""What a statement's contract promises, the hidden tests enforce."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

BANK = Path(__file__).resolve().parents[2] / "src" / "rounds" / "bank"
# codebases (a repository, multi-file mutants) have their own checks: tests/test_codebase_content.py
PACKAGES = sorted(p.parent for p in BANK.glob("*/*/problem.toml") if p.parent.parent.name != "codebase")

# "Do not modify `x`", "the inputs are not modified", "W, A and B must be left unchanged"
_KEEPS_INPUTS = re.compile(r"do not modify|(?:is|are) not modified|inputs unchanged|left unchanged", re.I)


def _statements(folder: Path) -> str:
    files = [folder / "statement.md", *sorted((folder / "levels").glob("*.md"))]
    return "\n".join(f.read_text() for f in files if f.exists())


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_a_contract_that_keeps_the_inputs_is_checked(folder: Path) -> None:
    # Function problems send their arguments back after the call; op streams get them read-only.
    # Only ML streams take arrays: an OOP system's "the source is not modified" is a stored file.
    toml = (folder / "problem.toml").read_text()
    checked = 'grader = "function"' in toml or ('grader = "opstream"' in toml and 'track = "ml"' in toml)
    if not checked or not _KEEPS_INPUTS.search(_statements(folder)):
        return
    tests = (folder / "tests.py").read_text()
    assert re.search(r"^inputs_unchanged = True", tests, re.M) or "capture_args=True" in tests, (
        "the statement says the inputs are not modified, but no hidden test looks at them after the call: "
        "set `inputs_unchanged = True` in tests.py")
