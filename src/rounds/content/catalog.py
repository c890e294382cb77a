"""The catalog: every problem package in the bundled bank and in extra bank folders."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from rounds.content.package import PackageError, Problem, load_problem
from rounds.content.vocabulary import canonical_company, canonical_tag

BANK = Path(__file__).resolve().parent.parent / "bank"


class UnknownProblem(KeyError):
    def __str__(self) -> str:
        return f"no problem with id '{self.args[0]}' (try `rounds list`)"


@dataclass
class Catalog:
    problems: dict[str, Problem] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # folder -> why it failed to load

    def get(self, pid: str) -> Problem:
        try:
            return self.problems[pid]
        except KeyError:
            raise UnknownProblem(pid) from None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self.problems.values(), key=lambda p: (p.track, p.id)))

    def __len__(self) -> int:
        return len(self.problems)

    def filter(self, *, track: str | None = None, difficulty: str | None = None,
               tag: str | None = None, company: str | None = None, text: str | None = None) -> list[Problem]:
        out = []
        for p in self:
            if track and p.track != track:
                continue
            if difficulty and p.difficulty != difficulty:
                continue
            if tag and canonical_tag(tag) not in (canonical_tag(t) for t in p.tags):
                continue
            if company and canonical_company(company).lower() not in (canonical_company(c).lower()
                                                                       for c in p.companies):
                continue
            if text and text.lower() not in (p.id + " " + p.title + " " + " ".join(p.tags)).lower():
                continue
            out.append(p)
        return out


def bank_roots() -> list[Path]:
    from rounds.config import get_settings

    roots = [BANK, get_settings().data_dir / "imported"]  # `rounds import` writes packages there
    extra = os.environ.get("ROUNDS_BANK_PATH", "")
    roots += [Path(p) for p in extra.split(os.pathsep) if p]
    return roots


def load_catalog(roots: list[Path] | None = None) -> Catalog:
    cat = Catalog()
    for root in roots or bank_roots():
        if not root.is_dir():
            continue
        for toml in sorted(root.glob("*/*/problem.toml")):
            folder = toml.parent
            try:
                p = load_problem(folder)
            except PackageError as exc:
                cat.errors[f"{folder.parent.name}/{folder.name}"] = str(exc)
                continue
            cat.problems[p.id] = p
    return cat


_CATALOG: Catalog | None = None


def catalog() -> Catalog:
    """The process-wide catalog, loaded once."""
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = load_catalog()
    return _CATALOG
