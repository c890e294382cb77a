"""Problem packages: one folder per problem, loaded from ``problem.toml`` and its files."""

from __future__ import annotations

import importlib.util
import random
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from rounds.content.mutants import Mutant, load_mutants
from rounds.content.testkit import Case
from rounds.judge import checkers

TRACKS = ("oop", "ml", "algo")
DIFFICULTIES = ("easy", "medium", "hard")
GRADERS = ("function", "opstream", "unittest", "codebase")  # unittest: imported tasks (rounds import icf)
CODEBASE = "codebase"  # the codebase round: a repository to fix (rounds.content.codebase); not a TRACKS entry
RUNTIMES = ("numpy", "torch", "sklearn")


class PackageError(Exception):
    """A problem package that cannot be loaded, with the reason."""


@dataclass(frozen=True)
class Limits:
    cpu_ms: int = 2000
    memory_mb: int = 256
    output_kb: int = 64
    result_mb: int = 64


@dataclass(frozen=True)
class Level:
    number: int
    title: str
    minutes: int
    statement: str


@dataclass
class Problem:
    """A loaded problem package."""

    root: Path
    id: str
    title: str
    track: str
    difficulty: str
    tags: list[str]
    companies: list[str]
    minutes: int
    grader: str
    entry: str
    runtime: str
    banned: list[str]
    checker_name: str
    limits: Limits
    levels: list[Level]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return self.id.split("/", 1)[1]

    @property
    def multi_level(self) -> bool:
        return len(self.levels) > 1

    @property
    def roadmap(self) -> str:
        return " -> ".join(f"L{lv.number} {lv.title}" for lv in self.levels)

    @cached_property
    def starter(self) -> str:
        if self.grader == CODEBASE:  # the starting repository, as an attempt stores it
            from rounds.content import codebase

            return codebase.encode(codebase.starting_repo(self))
        return (self.root / "starter.py").read_text()

    @cached_property
    def editorial(self) -> str:
        p = self.root / "editorial.md"
        return p.read_text() if p.exists() else ""

    @property
    def reference_path(self) -> Path:
        return self.root / "reference.py"

    @cached_property
    def reference_source(self) -> str:
        return self.reference_path.read_text()

    def mutants(self) -> list[Mutant]:
        """``mutants/<name>.patch`` against the reference, and the few whole-file ``<name>.py``."""
        return load_mutants(self.root)

    def _host_runtime(self) -> None:
        """Host-side torch work (references, oracles) runs on one thread, as in the sandbox."""
        if self.runtime == "torch":
            import torch

            torch.set_num_threads(1)

    @cached_property
    def tests(self) -> ModuleType:
        self._host_runtime()
        return _load_module(self.root / "tests.py", f"rounds_bank.{self.track}.{_ident(self.slug)}.tests")

    @cached_property
    def reference(self) -> ModuleType:
        return _load_module(self.reference_path, f"rounds_bank.{self.track}.{_ident(self.slug)}.reference")

    @property
    def default_checker(self) -> checkers.Checker:
        c = getattr(self.tests, "checker", None)
        if c is not None:
            return c  # type: ignore[no-any-return]
        return checkers.BY_NAME[self.checker_name]()

    def examples(self, level: int) -> list[Case]:
        if self.grader == CODEBASE:  # the repository's own tests; the codebase grader runs them
            return []
        if self.grader == "unittest":  # the task's own visible test file; there is no tests.py
            from rounds.judge.graders.unittests import unittest_cases

            return list(unittest_cases(self, level))  # type: ignore[arg-type]
        fn = getattr(self.tests, "examples", None)
        return list(fn(level)) if fn else []

    def hidden(self, level: int, seed: int) -> list[Case]:
        if self.grader == CODEBASE:
            return []
        if self.grader == "unittest":
            return self.examples(level)
        return list(self.tests.hidden(level, random.Random(seed * 1009 + level)))

    def level(self, n: int) -> Level:
        return self.levels[n - 1]

    def statement_upto(self, level: int) -> str:
        """The statement as a user sees it with levels 1..level unlocked."""
        parts = []
        if self.multi_level:
            parts.append(f"**Roadmap:** {self.roadmap}\n")
        for lv in self.levels[:level]:
            if self.multi_level:
                parts.append(f"## Level {lv.number}: {lv.title}\n\n{lv.statement}")
            else:
                parts.append(lv.statement)
        for lv in self.levels[level:]:
            parts.append(f"## Level {lv.number}: {lv.title}\n\n*Locked: pass every test of level {lv.number - 1} to see it.*")
        return "\n\n".join(parts)


def _ident(s: str) -> str:
    return s.replace("-", "_")


def _load_module(path: Path, name: str) -> ModuleType:
    if not path.exists():
        raise PackageError(f"{path.name} is missing in {path.parent}")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PackageError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    try:
        spec.loader.exec_module(mod)
    except Exception as exc:
        del sys.modules[name]
        raise PackageError(f"{path.parent.name}/{path.name} fails to import: {type(exc).__name__}: {exc}") from exc
    return mod


def _req(meta: dict[str, Any], key: str, typ: type, where: str) -> Any:
    if key not in meta:
        raise PackageError(f"{where}: problem.toml lacks '{key}'")
    v = meta[key]
    if not isinstance(v, typ):
        raise PackageError(f"{where}: '{key}' must be a {typ.__name__}, got {type(v).__name__}")
    return v


def load_problem(root: Path) -> Problem:
    """Load one package folder; raises PackageError with a specific reason."""
    where = str(root.name)
    toml_path = root / "problem.toml"
    if not toml_path.exists():
        raise PackageError(f"{where}: no problem.toml")
    try:
        meta = tomllib.loads(toml_path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise PackageError(f"{where}: problem.toml is not valid TOML: {exc}") from None
    pid = _req(meta, "id", str, where)
    where = pid
    track = _req(meta, "track", str, where)
    if track not in TRACKS and track != CODEBASE:
        raise PackageError(f"{where}: track must be one of {(*TRACKS, CODEBASE)}")
    if pid != f"{track}/{root.name}":
        raise PackageError(f"{where}: id must be '{track}/{root.name}' (track/folder name)")
    difficulty = _req(meta, "difficulty", str, where)
    if difficulty not in DIFFICULTIES:
        raise PackageError(f"{where}: difficulty must be one of {DIFFICULTIES}")
    grader = meta.get("grader", "function")
    if grader not in GRADERS:
        raise PackageError(f"{where}: grader must be one of {GRADERS}")
    if (track == CODEBASE) != (grader == CODEBASE):
        raise PackageError(f"{where}: a codebase package has track and grader \"codebase\", and only it")
    runtime = meta.get("runtime", "numpy")
    if runtime not in RUNTIMES:
        raise PackageError(f"{where}: runtime must be one of {RUNTIMES}")
    checker_name = meta.get("checker", "exact")
    if checker_name not in checkers.BY_NAME:
        raise PackageError(f"{where}: unknown checker '{checker_name}' (one of {sorted(checkers.BY_NAME)})")
    lim = meta.get("limits", {})
    try:
        limits = Limits(**lim)
    except TypeError as exc:
        raise PackageError(f"{where}: bad [limits]: {exc}") from None
    levels_meta = meta.get("levels")
    levels: list[Level] = []
    if levels_meta:
        for i, lm in enumerate(levels_meta, 1):
            p = root / "levels" / f"{i}.md"
            if not p.exists():
                raise PackageError(f"{where}: levels/{i}.md is missing")
            levels.append(Level(i, str(lm.get("title", f"Level {i}")), int(lm.get("minutes", 15)), p.read_text()))
    else:
        p = root / "statement.md"
        if not p.exists():
            raise PackageError(f"{where}: statement.md is missing")
        levels.append(Level(1, _req(meta, "title", str, where), int(meta.get("minutes", 30)), p.read_text()))
    return Problem(
        root=root,
        id=pid,
        title=_req(meta, "title", str, where),
        track=track,
        difficulty=difficulty,
        tags=list(meta.get("tags", [])),
        companies=list(meta.get("companies", [])),
        minutes=int(meta.get("minutes", sum(lv.minutes for lv in levels))),
        grader=grader,
        entry=_req(meta, "entry", str, where),
        runtime=runtime,
        banned=list(meta.get("banned", [])),
        checker_name=checker_name,
        limits=limits,
        levels=levels,
        meta=meta,
    )
