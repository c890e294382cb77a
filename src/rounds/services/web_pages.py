"""The data behind the reading pages: Today, Catalog, History, Progress.

Everything is computed here from the catalog and the stored attempts and submissions (read-only
queries); the browser only draws it.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from rounds.content.catalog import Catalog, UnknownProblem
from rounds.content.package import DIFFICULTIES, TRACKS, Problem
from rounds.content.vocabulary import round_name
from rounds.domain.attempt import AttemptStatus, SubmissionKind, now_utc
from rounds.services import attempts, submissions
from rounds.services.errors import SubmissionNotFound
from rounds.services.views import AttemptSummary, SubmissionView
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import Attempt, Submission

STATUSES = ("new", "attempted", "solved")
HEATMAP_DAYS = 53 * 7
DUE_AFTER = timedelta(days=7)


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
    attempt: AttemptSummary
    problem: Problem | None


@dataclass
class Today:
    in_progress: list[AttemptCard] = field(default_factory=list)
    due: list[tuple[Problem, str]] = field(default_factory=list)  # problem, why it is due
    streak: int = 0
    practiced_today: bool = False
    suggestions: list[Problem] = field(default_factory=list)
    rounds: list[tuple[str, Problem, str]] = field(default_factory=list)  # track, next problem, why


@dataclass
class SubmissionRow:
    id: int
    attempt_id: int
    problem_id: str
    title: str
    kind: str
    level: int
    verdict: str | None
    passed: int | None
    total: int | None
    score: int | None
    created_at: datetime


@dataclass
class History:
    attempts: list[AttemptCard] = field(default_factory=list)
    submissions: list[SubmissionRow] = field(default_factory=list)


@dataclass
class SubmissionDetail:
    submission: SubmissionView
    problem_id: str
    title: str
    previous: SubmissionView | None = None
    diff: list[tuple[str, str]] = field(default_factory=list)  # (add | del | ctx | hunk, line)


@dataclass
class Progress:
    totals: dict[str, int] = field(default_factory=dict)
    heatmap: dict[str, Any] = field(default_factory=dict)  # the practice calendar, a matrix chart
    solved_by: dict[str, Any] = field(default_factory=dict)  # chart specs, drawn by the browser
    time_per_level: dict[str, Any] = field(default_factory=dict)
    weakest: dict[str, Any] = field(default_factory=dict)
    weakest_rows: list[tuple[str, int, int]] = field(default_factory=list)  # tag, failed, submitted


def _get(catalog: Catalog, pid: str) -> Problem | None:
    try:
        return catalog.get(pid)
    except UnknownProblem:
        return None


def _states(sessions: SessionFactory) -> dict[str, tuple[str, int]]:
    """problem id -> (solved | attempted, best number of levels passed)."""
    out: dict[str, tuple[str, int]] = {}
    with sessions.begin() as s:
        rows = s.execute(select(Attempt.problem_id, Attempt.status, Attempt.levels_passed,
                                Attempt.target_level).where(Attempt.user_id == repo.local_user_id(s))).all()
    for pid, status, passed, target in rows:
        solved = status == AttemptStatus.COMPLETED.value or (passed >= target and passed > 0)
        old_state, old_best = out.get(pid, ("attempted", 0))
        out[pid] = ("solved" if solved or old_state == "solved" else "attempted", max(old_best, passed))
    return out


def catalog_listing(*, sessions: SessionFactory, catalog: Catalog, q: str = "", track: str = "",
                    difficulty: str = "", tag: str = "", company: str = "", status: str = "") -> Listing:
    """Every problem matching the filters, with the user's status on each."""
    states = _states(sessions)
    problems = catalog.filter(track=track or None, difficulty=difficulty or None, tag=tag or None,
                              company=company or None, text=q or None)
    rows = []
    for p in problems:
        st, best = states.get(p.id, ("new", 0))
        if status and st != status:
            continue
        rows.append(CatalogRow(problem=p, status=st, best_level=best))
    every = list(catalog)
    return Listing(rows=rows, total=len(every), tags=sorted({t for p in every for t in p.tags}),
                   companies=sorted({c for p in every for c in p.companies}), errors=dict(catalog.errors))


def _days_with_submissions(sessions: SessionFactory) -> Counter[date]:
    with sessions.begin() as s:
        stamps = s.scalars(select(Submission.created_at).join(Attempt, Attempt.id == Submission.attempt_id)
                           .where(Attempt.user_id == repo.local_user_id(s))).all()
    return Counter(ts.astimezone(UTC).date() for ts in stamps)


def streak(days: Counter[date], today: date) -> int:
    """Consecutive days with practice, ending today (or yesterday, if today has none yet)."""
    day = today if days.get(today) else today - timedelta(days=1)
    n = 0
    while days.get(day):
        n += 1
        day -= timedelta(days=1)
    return n


def today(*, sessions: SessionFactory, catalog: Catalog, now: datetime | None = None) -> Today:
    """Open attempts with their clocks, problems due for another try, and the streak."""
    now = now or now_utc()
    mine = attempts.list_attempts(sessions=sessions, limit=500)
    out = Today()
    latest: dict[str, AttemptSummary] = {}
    for a in mine:
        latest.setdefault(a.problem_id, a)
        if a.status == AttemptStatus.ACTIVE.value:
            out.in_progress.append(AttemptCard(a, _get(catalog, a.problem_id)))
    for pid, a in latest.items():
        p = _get(catalog, pid)
        if p is None or a.status == AttemptStatus.ACTIVE.value:
            continue
        if a.status == AttemptStatus.EXPIRED.value and a.levels_passed < a.target_level:
            out.due.append((p, f"the clock ran out at level {a.level}"))
        elif a.status == AttemptStatus.COMPLETED.value and a.finished_at and now - a.finished_at >= DUE_AFTER:
            out.due.append((p, f"solved {(now - a.finished_at).days} days ago: solve it again from memory"))
    days = _days_with_submissions(sessions)
    out.streak = streak(days, now.astimezone(UTC).date())
    out.practiced_today = bool(days.get(now.astimezone(UTC).date()))
    tried = set(latest)
    out.suggestions = [p for p in catalog if p.id not in tried][:6]
    out.rounds = _next_per_round(catalog, out, tried)
    return out


def _next_per_round(catalog: Catalog, today_: Today, tried: set[str]) -> list[tuple[str, Problem, str]]:
    """One problem per round (track): an open attempt, else one due, else the easiest new one."""
    order = {d: i for i, d in enumerate(DIFFICULTIES)}
    picks = []
    for track in TRACKS:
        open_ = [c.problem for c in today_.in_progress if c.problem and c.problem.track == track]
        due = [p for p, _ in today_.due if p.track == track]
        new = sorted((p for p in catalog if p.track == track and p.id not in tried),
                     key=lambda p: (order.get(p.difficulty, 9), p.minutes, p.id))
        if open_:
            picks.append((track, open_[0], "continue"))
        elif due:
            picks.append((track, due[0], "due again"))
        elif new:
            picks.append((track, new[0], "new"))
    return picks


def _submission_rows(sessions: SessionFactory, catalog: Catalog, problem_id: str | None,
                     limit: int) -> list[SubmissionRow]:
    q = (select(Submission, Attempt.problem_id).join(Attempt, Attempt.id == Submission.attempt_id)
         .options(selectinload(Submission.result)).order_by(Submission.id.desc()).limit(limit))
    if problem_id:
        q = q.where(Attempt.problem_id == problem_id)
    with sessions.begin() as s:
        rows = s.execute(q.where(Attempt.user_id == repo.local_user_id(s))).all()
        out = []
        for sub, pid in rows:
            p = _get(catalog, pid)
            r = sub.result
            out.append(SubmissionRow(
                id=sub.id, attempt_id=sub.attempt_id, problem_id=pid, title=p.title if p else pid, kind=sub.kind,
                level=sub.level, verdict=r.verdict if r else None, passed=r.tests_passed if r else None,
                total=r.tests_total if r else None, score=r.score if r else None, created_at=sub.created_at))
    return out


def history(*, sessions: SessionFactory, catalog: Catalog, problem_id: str | None = None,
            limit: int = 300) -> History:
    """Every attempt and submission, newest first."""
    mine = attempts.list_attempts(sessions=sessions, problem_id=problem_id, limit=limit)
    return History(attempts=[AttemptCard(a, _get(catalog, a.problem_id)) for a in mine],
                   submissions=_submission_rows(sessions, catalog, problem_id, limit))


def diff_lines(old: str, new: str) -> list[tuple[str, str]]:
    """A unified diff as (kind, line) pairs; empty when the texts are equal."""
    out: list[tuple[str, str]] = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), "previous", "this", lineterm="", n=3):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            out.append(("hunk", line))
        elif line.startswith("+"):
            out.append(("add", line))
        elif line.startswith("-"):
            out.append(("del", line))
        else:
            out.append(("ctx", line))
    return out


def submission_detail(*, sessions: SessionFactory, catalog: Catalog, submission_id: int) -> SubmissionDetail | None:
    """A submission's code and results, and its diff against the previous one of the attempt."""
    try:
        sub = submissions.get_submission(sessions=sessions, submission_id=submission_id)
        prev = submissions.previous_submission(sessions=sessions, submission_id=submission_id, same_kind=False)
    except SubmissionNotFound:
        return None
    with sessions.begin() as s:
        pid = s.scalar(select(Attempt.problem_id).where(Attempt.id == sub.attempt_id)) or ""
    p = _get(catalog, pid)
    return SubmissionDetail(submission=sub, problem_id=pid, title=p.title if p else pid, previous=prev,
                            diff=diff_lines(prev.code, sub.code) if prev else [])


def calendar(days: Counter[date], first: date, span: list[date]) -> dict[str, Any]:
    """A matrix chart of submissions per day: x is the week from ``first`` (a Sunday), y the weekday."""
    points = [{"x": (d - first).days // 7, "y": (d.weekday() + 1) % 7, "v": days[d], "d": d.isoformat()}
              for d in span]
    weeks = (span[-1] - first).days // 7 + 1 if span else 0
    months: dict[int, str] = {}
    for d in span:
        if d.day <= 7 and (d.weekday() + 1) % 7 == 0:  # the first Sunday of a month labels its column
            months[(d - first).days // 7] = d.strftime("%b")
    active = sum(1 for d in span if days[d])
    return {
        "type": "matrix", "points": points, "weeks": weeks, "max": max((days[d] for d in span), default=0),
        "months": months, "active_days": active, "total": sum(days[d] for d in span),
        "summary": f"{sum(days[d] for d in span)} submissions on {active} days over the last year",
    }


def progress(*, sessions: SessionFactory, catalog: Catalog, now: datetime | None = None) -> Progress:
    """Solved by round and difficulty, a practice calendar, time per level, weakest patterns."""
    now = now or now_utc()
    states = _states(sessions)
    out = Progress()
    solved = [p for p in catalog if states.get(p.id, ("new", 0))[0] == "solved"]
    out.totals = {"Solved": len(solved), "Attempted": len(states), "In the bank": len(catalog)}

    by = {d: [sum(1 for p in solved if p.track == t and p.difficulty == d) for t in TRACKS] for d in DIFFICULTIES}
    colour = {"easy": "good", "medium": "warn", "hard": "bad"}
    out.solved_by = {
        "type": "bar", "labels": [round_name(t) for t in TRACKS], "stacked": True, "integer": True, "yLabel": "problems solved",
        "datasets": [{"label": d, "data": by[d], "colour": colour[d]} for d in DIFFICULTIES],
        "summary": ", ".join(f"{round_name(t)}: {sum(by[d][i] for d in DIFFICULTIES)}" for i, t in enumerate(TRACKS)),
    }

    days = _days_with_submissions(sessions)
    today_ = now.astimezone(UTC).date()
    first = today_ - timedelta(days=HEATMAP_DAYS - 1)
    first -= timedelta(days=(first.weekday() + 1) % 7)  # columns start on Sunday
    span = [first + timedelta(days=i) for i in range((today_ - first).days + 1)]
    out.heatmap = calendar(days, first, span)

    out.time_per_level = _time_per_level(sessions, catalog)
    out.weakest, out.weakest_rows = _weakest(sessions, catalog)
    return out


def _time_per_level(sessions: SessionFactory, catalog: Catalog, limit: int = 12) -> dict[str, Any]:
    labels: list[str] = []
    spent: list[float] = []
    budget: list[int] = []
    for a in attempts.list_attempts(sessions=sessions, limit=limit * 2):
        p = _get(catalog, a.problem_id)
        if p is None or a.levels_passed == 0:
            continue
        st = attempts.attempt_status(sessions=sessions, attempt_id=a.id)
        for lv in st.level_views:
            if lv.state == "passed" and lv.time_spent is not None:
                short_title = p.title.split(":")[0][:28]
                labels.append(f"{short_title} L{lv.number}" if p.multi_level else short_title)
                spent.append(round(lv.time_spent.total_seconds() / 60, 1))
                budget.append(lv.minutes)
        if len(labels) >= limit:
            break
    labels, spent, budget = labels[:limit][::-1], spent[:limit][::-1], budget[:limit][::-1]
    over = sum(s > b for s, b in zip(spent, budget, strict=True))
    return {
        "type": "bar", "labels": labels, "yLabel": "minutes",
        "datasets": [{"label": "your time", "data": spent, "colour": "accent"},
                     {"label": "budget", "data": budget, "colour": "muted"}],
        "summary": f"{len(labels)} levels passed, {over} over budget",
    }


def _weakest(sessions: SessionFactory, catalog: Catalog, top: int = 8) -> tuple[dict[str, Any], list[tuple[str, int, int]]]:
    q = (select(Attempt.problem_id, Submission).join(Attempt, Attempt.id == Submission.attempt_id)
         .options(selectinload(Submission.result)).where(Submission.kind == SubmissionKind.SUBMIT.value))
    failed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with sessions.begin() as s:
        for pid, sub in s.execute(q.where(Attempt.user_id == repo.local_user_id(s))).all():
            p = _get(catalog, pid)
            if p is None or sub.result is None:
                continue
            for tag in p.tags:
                total[tag] += 1
                failed[tag] += sub.result.verdict != "AC"
    rows = sorted(((t, failed[t], total[t]) for t in total), key=lambda r: (-r[1] / r[2], -r[2], r[0]))[:top]
    rows = [r for r in rows if r[1] > 0] or rows[:0]
    spec = {
        "type": "bar", "horizontal": True, "labels": [r[0] for r in rows], "yLabel": "",
        "datasets": [{"label": "failed submissions (%)", "data": [round(100 * r[1] / r[2]) for r in rows],
                      "colour": "bad"}],
        "summary": ", ".join(f"{t} {round(100 * f / n)}% failed" for t, f, n in rows),
    }
    return spec, rows


__all__ = ["History", "Listing", "Progress", "SubmissionDetail", "Today", "catalog_listing", "diff_lines",
           "history", "progress", "streak", "submission_detail", "today"]
