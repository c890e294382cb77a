"""Every mutant in the bank: a patch with a header that applies to today's reference, or a whole file
that says why it is one and is no copy of the reference. `rounds validate` judges them."""

from __future__ import annotations

from pathlib import Path

import pytest

from rounds.content.package import load_problem

BANK = Path(__file__).resolve().parents[2] / "src" / "rounds" / "bank"
# codebases (a repository, multi-file mutants) have their own checks: tests/test_codebase_content.py
PACKAGES = sorted(p.parent for p in BANK.glob("*/*/problem.toml") if p.parent.parent.name != "codebase")


def _code(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_every_mutant_has_a_header_and_applies(folder: Path) -> None:
    p = load_problem(folder)
    mutants = p.mutants()
    assert mutants, "no mutants"
    assert not list((folder / "mutants").glob("*.orig")) and not list((folder / "mutants").glob("*.rej"))
    for m in mutants:
        assert m.header, f"{m.file_name} has no '# trap:' header"
        assert not m.header_problems(), m.header_problems()
        compile(m.source, m.file_name, "exec")  # applies to the current reference, and is Python
        assert m.source != p.reference_source, f"{m.file_name} is the reference"


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_whole_file_mutants_are_no_copies_of_the_reference(folder: Path) -> None:
    p = load_problem(folder)
    ref = set(_code(p.reference_source))
    for m in p.mutants():
        if m.is_patch:
            continue
        code = _code(m.source)
        shared = sum(1 for ln in code if ln in ref and len(ln) > 12)
        assert shared <= max(3, len(code) // 2), (
            f"{m.file_name} repeats {shared} of its {len(code)} lines from the reference: make it a patch")


def test_most_mutants_are_patches() -> None:
    kinds = [m.is_patch for f in PACKAGES for m in load_problem(f).mutants()]
    assert len(kinds) >= 800
    assert sum(kinds) >= 0.9 * len(kinds)
