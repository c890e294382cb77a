"""`rounds validate` for codebases: the package is complete, the reference passes every phase at the
optimal tier, the starting repository fails its visible tests, and every mutant is graded at the
phase or tier its header names (``# expect: visible | hidden | tier naive | tier good``)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rounds.content import codebase as cb
from rounds.content.mutants import MutantError
from rounds.content.package import Problem
from rounds.content.vocabulary import check as check_vocabulary

if TYPE_CHECKING:
    from rounds.content.validate import ValidationResult
    from rounds.judge.engine import Judge

MIN_MUTANTS = 3
MINUTES = {"allowed": 60, "none": 90}  # Meta-style AI-allowed rounds; Quora-style rounds without AI
MODULES = (4, 12)  # the package's modules, tests left out
LINES = (300, 1500)  # the repository's Python lines, tests included
CONTRACT = re.compile(r"^#+\s*Contract\b", re.MULTILINE | re.IGNORECASE)
BENCH_FUNCTIONS = ("build", "run", "digest")


def check_package(p: Problem, *, bundled: bool = True) -> list[str]:
    """What the package's files and problem.toml lack (no judging)."""
    out: list[str] = []
    if not p.tags:
        out.append("problem.toml: 'tags' is empty")
    out += check_vocabulary(p)
    ai = cb.ai_policy(p)
    if ai not in cb.AI:
        out.append(f"problem.toml: ai must be one of {cb.AI}, not {ai!r}")
    elif bundled and p.minutes != MINUTES[ai]:
        out.append(f"problem.toml: a codebase with ai = {ai!r} takes {MINUTES[ai]} minutes, not {p.minutes}")
    if not p.editorial.strip():
        out.append("editorial.md is missing or empty")
    if not CONTRACT.search(p.levels[0].statement):
        out.append("statement.md has no 'Contract' section (the core function's signature, ties, edge cases)")
    for folder in ("repo", "reference", "hidden"):
        if not (p.root / folder).is_dir():
            out.append(f"{folder}/ is missing")
    if out:
        return out
    try:
        start = cb.check_repo(cb.starting_repo(p))
        ref = cb.check_repo(cb.reference_repo(p))
    except cb.RepoError as exc:
        return [f"the repository cannot be submitted: {exc}"]
    for path in cb.starting_repo(p).keys() & {k for k in ref if (p.root / "reference" / k).exists()}:
        if start[path] == ref[path]:
            out.append(f"reference/{path} is the same as repo/{path}: leave it out of the overlay")
    if cb.EXPLANATION not in start:
        out.append(f"repo/{cb.EXPLANATION} is missing: the template of the user's explanation")
    from rounds.judge.graders.codebase import visible_test_files

    if not visible_test_files(start):
        out.append("repo/tests/ holds no test_*.py file")
    code = [k for k in start if k.endswith(".py") and not k.startswith("tests/")]
    lines = sum(len(start[k].splitlines()) for k in start if k.endswith(".py"))
    if bundled and not MODULES[0] <= len(code) <= MODULES[1]:
        out.append(f"the package has {len(code)} modules; a codebase has {MODULES[0]} to {MODULES[1]}")
    if bundled and not LINES[0] <= lines <= LINES[1]:
        out.append(f"the repository has {lines} lines of Python; a codebase has {LINES[0]} to {LINES[1]}")
    if not cb.hidden_tests(p):
        out.append("hidden/ holds no test_*.py file")
    bench = cb.bench_source(p)
    if not bench:
        out.append("bench.py is missing")
    else:
        try:
            defined = {n.name for n in ast.parse(bench).body if isinstance(n, ast.FunctionDef)}
        except SyntaxError as exc:
            defined = set()
            out.append(f"bench.py does not compile: line {exc.lineno}: {exc.msg}")
        for fn in BENCH_FUNCTIONS:
            if fn not in defined:
                out.append(f"bench.py defines no {fn}()")
    mutants = cb.load_codebase_mutants(p)
    if len(mutants) < MIN_MUTANTS:
        out.append(f"{len(mutants)} mutants under mutants/; a codebase needs at least {MIN_MUTANTS}")
    for m in mutants:
        for key in ("trap", "models", "expect"):
            if not m.header.get(key):
                out.append(f"mutants/{m.path.name}: the header has no '# {key}:' line")
        if m.header.get("expect") and m.expect not in cb.EXPECT:
            out.append(f"mutants/{m.path.name}: expect must be one of {', '.join(cb.EXPECT)}, not {m.expect!r}")
        try:
            cb.mutant_repo(p, m)
        except MutantError as exc:
            out.append(str(exc))
    return out


def validate_codebase(p: Problem, judge: Judge, res: ValidationResult,
                      progress: Callable[[str], None] | None = None) -> ValidationResult:
    from rounds.content.vocabulary import bank_root
    from rounds.judge.graders.codebase import grade_codebase, outcome

    res.failures += check_package(p, bundled=p.root.resolve().is_relative_to(bank_root().resolve()))
    if res.failures:
        return res

    def where(repo: cb.Repo, *, suite: str = "hidden", benchmark: bool = True) -> tuple[str, str]:
        rep = grade_codebase(judge, p, cb.encode(repo), suite=suite, benchmark=benchmark)
        phases = "; ".join(f"{ph['phase']}: {ph.get('summary', ph.get('status'))}" for ph in rep.phases or [])
        got = outcome(rep)
        if not benchmark and got == "benchmark":  # it passes the tests after all: measure it to say where it is
            return where(repo, suite=suite)
        return got, phases

    got, phases = where(cb.reference_repo(p))
    if got != "optimal":
        res.failures.append(f"the reference is graded '{got}', not optimal: {phases}")
    else:
        res.notes.append(f"reference: {phases}")
    if progress:
        progress(f"{p.id}: reference {got}")
    got, phases = where(cb.starting_repo(p), suite="examples")
    if got != "visible":
        res.failures.append(f"the starting repository passes its visible tests (graded '{got}'): nothing to fix")
    for m in cb.load_codebase_mutants(p):
        # a mutant the tests should reject needs no benchmark (one that passes them is measured anyway)
        got, phases = where(cb.mutant_repo(p, m), benchmark=m.expect.startswith("tier"))
        if got != m.expect:
            res.failures.append(f"mutant {m.name} is graded '{got}', its header expects '{m.expect}': {phases}")
        else:
            res.notes.append(f"mutant {m.name}: {got}, as expected")
    return res


__all__ = ["check_package", "validate_codebase"]
