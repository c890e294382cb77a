"""The data behind the reading pages: Today, Catalog, History, Progress.

Everything is computed on the server from the catalog and the stored attempts; the browser only
draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rounds.content.catalog import Catalog
from rounds.content.package import DIFFICULTIES, TRACKS, Problem

STATUSES = ("new", "attempted", "solved")


@dataclass
class CatalogRow:
    problem: Problem
    status: str = "new"  # new | attempted | solved
    best_level: int = 0


@dataclass
class Listing:
    rows: list[CatalogRow]
    total: int
    tracks: tuple[str, ...] = TRACKS
    difficulties: tuple[str, ...] = DIFFICULTIES
    statuses: tuple[str, ...] = STATUSES
    tags: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


@dataclass
class AttemptCard:
    attempt_id: int
    problem: Problem
    started_at: datetime
    deadline: datetime | None
    level: int
    passed_level: int
    finished: bool = False
    score: int | None = None
    finished_at: datetime | None = None


@dataclass
class Today:
    in_progress: list[AttemptCard] = field(default_factory=list)
    due: list[tuple[Problem, str]] = field(default_factory=list)  # problem, why it is due
    streak: int = 0
    practiced_today: bool = False
    suggestions: list[Problem] = field(default_factory=list)


@dataclass
class SubmissionRow:
    submission_id: int
    attempt_id: int
    problem: Problem | None
    problem_id: str
    created_at: datetime
    kind: str
    verdict: str
    level: int
    passed: int
    total: int
    score: int | None = None


@dataclass
class History:
    attempts: list[AttemptCard] = field(default_factory=list)
    submissions: list[SubmissionRow] = field(default_factory=list)


@dataclass
class SubmissionDetail:
    row: SubmissionRow
    code: str
    report: dict[str, Any]
    previous: SubmissionRow | None = None
    diff: list[tuple[str, str]] = field(default_factory=list)  # (kind, line): kind in add/del/ctx/hunk


@dataclass
class Progress:
    solved_by: dict[str, Any] = field(default_factory=dict)  # chart spec
    heatmap: list[tuple[date, int, int]] = field(default_factory=list)  # day, count, level 0-4
    time_per_level: dict[str, Any] = field(default_factory=dict)
    weakest: dict[str, Any] = field(default_factory=dict)
    weakest_rows: list[tuple[str, int, int]] = field(default_factory=list)  # tag, failed, total
    totals: dict[str, int] = field(default_factory=dict)


def _statuses(session: Any) -> dict[str, tuple[str, int]]:
    return {}


def catalog_listing(*, session: Any, catalog: Catalog, q: str = "", track: str = "", difficulty: str = "",
                    tag: str = "", company: str = "", status: str = "") -> Listing:
    """Every problem matching the filters, with the user's status on each."""
    states = _statuses(session)
    problems = catalog.filter(track=track or None, difficulty=difficulty or None, tag=tag or None,
                              company=company or None, text=q or None)
    rows = []
    for p in problems:
        st, best = states.get(p.id, ("new", 0))
        if status and st != status:
            continue
        rows.append(CatalogRow(problem=p, status=st, best_level=best))
    all_problems = list(catalog)
    return Listing(
        rows=rows, total=len(all_problems),
        tags=sorted({t for p in all_problems for t in p.tags}),
        companies=sorted({c for p in all_problems for c in p.companies}),
        errors=dict(catalog.errors),
    )


def today(*, session: Any, catalog: Catalog) -> Today:
    return Today(suggestions=list(catalog)[:6])


def history(*, session: Any, catalog: Catalog, problem_id: str | None = None) -> History:
    return History()


def submission_detail(*, session: Any, catalog: Catalog, submission_id: int) -> SubmissionDetail | None:
    return None


def progress(*, session: Any, catalog: Catalog) -> Progress:
    return Progress()
