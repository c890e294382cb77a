"""Talk rehearsals: a project's talk timed slide by slide, saved, then assessed against the talk rubric.

A rehearsal keeps each slide's time against its minutes in the outline and the whole against the
slides' total (the talking time: the talk's budget less the minutes kept for questions). Within
10 % of the budget either way counts as time kept. After it, the user ticks the items of the talk
rubric (``bank/behavioral/talk_rubric.toml``) the talk did; the ticks and the rubric as it stood
are stored with it. Every row belongs to the acting user; another user's rehearsal is not found.

A deep-dive round of a mock loop with a talk counts the newest rehearsal saved in its window
(see rounds.services.loops).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from rounds.content.behavioral import Behavioral, TalkItem, bank
from rounds.domain.attempt import now_utc
from rounds.services import projects
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models_behavioral import TalkRehearsal

KEPT = 0.10  # within this share of the budget, either way, the time was kept
MAX_SLIDE_S = 3 * 3600


class RehearsalNotFound(ServiceError):
    """No talk rehearsal with that id (for this user)."""


def _utc(ts: datetime) -> datetime:
    from datetime import UTC

    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def mmss(seconds: float) -> str:
    s = int(round(max(0.0, seconds)))
    return f"{s // 60}:{s % 60:02d}"


def signed(seconds: float) -> str:
    """+1:05 over, -0:30 under."""
    return ("+" if seconds >= 0 else "-") + mmss(abs(seconds))


@dataclass(frozen=True)
class SlideTime:
    title: str
    budget_s: int
    took_s: float | None  # None: the rehearsal stopped before this slide

    @property
    def delta_s(self) -> float | None:
        return None if self.took_s is None else self.took_s - self.budget_s

    @property
    def verdict(self) -> str:
        """over, under, on time (within 10 % or 10 s), or not reached."""
        if self.took_s is None:
            return "not reached"
        slack = max(10.0, KEPT * self.budget_s)
        d = self.took_s - self.budget_s
        return "over" if d > slack else "under" if d < -slack else "on time"


@dataclass(frozen=True)
class RehearsalView:
    id: int
    project_id: int | None
    project_name: str
    talk_minutes: int
    budget_s: int
    total_s: float
    slides: tuple[SlideTime, ...]
    rubric: tuple[str, ...]  # item ids as they stood when assessed
    checks: tuple[str, ...]  # item ids ticked
    rehearsed_at: datetime
    assessed_at: datetime | None

    @property
    def assessed(self) -> bool:
        return self.assessed_at is not None

    @property
    def covered(self) -> int:
        return sum(1 for c in self.checks if c in self.rubric)

    @property
    def coverage(self) -> float:
        return self.covered / len(self.rubric) if self.rubric else 0.0

    @property
    def delta_s(self) -> float:
        return self.total_s - self.budget_s

    @property
    def kept(self) -> bool:
        """The whole within 10 % of the budget, either way."""
        return self.budget_s > 0 and abs(self.delta_s) <= KEPT * self.budget_s

    @property
    def timing(self) -> float:
        """0..1: 1 when the time was kept, 0.5 within 25 %, else 0."""
        if self.budget_s <= 0:
            return 0.0
        off = abs(self.delta_s) / self.budget_s
        return 1.0 if off <= KEPT else 0.5 if off <= 0.25 else 0.0

    @property
    def reached(self) -> int:
        return sum(1 for s in self.slides if s.took_s is not None)

    @property
    def time_line(self) -> str:
        """43:10 of 45:00 (kept) / (7:10 over) / (5:00 under)."""
        if self.kept:
            how = "kept"
        else:
            how = f"{mmss(abs(self.delta_s))} {'over' if self.delta_s > 0 else 'under'}"
        return f"{mmss(self.total_s)} of {mmss(self.budget_s)} ({how})"

    @property
    def summary(self) -> str:
        """talk: 7 of 9 rubric items, 43:10 of 45:00 (kept)."""
        rubric = (f"{self.covered} of {len(self.rubric)} rubric items" if self.assessed
                  else "not self-assessed yet")
        return f"{rubric}, {self.time_line}"


def _view(r: TalkRehearsal) -> RehearsalView:
    return RehearsalView(
        id=r.id, project_id=r.project_id, project_name=r.project_name, talk_minutes=r.talk_minutes,
        budget_s=r.budget_s, total_s=r.total_s,
        slides=tuple(SlideTime(str(s.get("title", "")), int(s.get("budget_s") or 0),
                               None if s.get("took_s") is None else float(s["took_s"])) for s in r.slides or ()),
        rubric=tuple(r.rubric or ()), checks=tuple(r.checks or ()), rehearsed_at=_utc(r.rehearsed_at),
        assessed_at=_utc(r.assessed_at) if r.assessed_at else None)


def rubric(b: Behavioral | None = None) -> list[TalkItem]:
    """The talk rubric, in the bank's order."""
    return list((b or bank()).talk_rubric.values())


def save_rehearsal(*, sessions: SessionFactory, project_id: int, took: list[float | None],
                   at: datetime | None = None) -> int:
    """Save a rehearsal of the project's talk: ``took`` is each slide's seconds in the outline's order
    (fewer than the slides, or None, when it stopped early). Returns its id."""
    p = projects.get_project(sessions=sessions, project_id=project_id)  # the acting user's, else not found
    outline = p.outline or projects.build_outline(p)
    if not outline:
        raise InvalidInput("the talk has no slides to rehearse")
    if len(took) > len(outline):
        raise InvalidInput(f"{len(took)} slide times for a talk of {len(outline)} slides")
    times: list[float | None] = []
    for n, t in enumerate(took, 1):
        if t is not None and not 0 <= t <= MAX_SLIDE_S:
            raise InvalidInput(f"slide {n}: the time must be 0 to {MAX_SLIDE_S} seconds")
        times.append(None if t is None else round(float(t), 1))
    times += [None] * (len(outline) - len(times))
    if all(t is None for t in times):
        raise InvalidInput("no slide was timed: start the rehearsal, then move through the slides")
    budgets = [round(float(s.get("minutes") or 0) * 60) for s in outline]
    slides: list[dict[str, Any]] = [{"title": str(s.get("title", "")), "budget_s": b, "took_s": t}
                                    for s, b, t in zip(outline, budgets, times, strict=True)]
    with sessions.begin() as s:
        row = TalkRehearsal(user_id=repo.local_user_id(s), project_id=p.id, project_name=p.name,
                            talk_minutes=p.talk_minutes, budget_s=sum(budgets),
                            total_s=round(sum(x or 0.0 for x in times), 1), slides=slides,
                            rubric=[], checks=[], rehearsed_at=at or now_utc())
        s.add(row)
        s.flush()
        return row.id


def _row(s: Any, rehearsal_id: int) -> TalkRehearsal:
    row = s.get(TalkRehearsal, rehearsal_id)
    if row is None or row.user_id != repo.local_user_id(s):
        raise RehearsalNotFound(f"There is no talk rehearsal {rehearsal_id}.")
    return row  # type: ignore[no-any-return]


def assess(*, sessions: SessionFactory, rehearsal_id: int, checks: list[str], b: Behavioral | None = None,
           at: datetime | None = None) -> RehearsalView:
    """Store the rubric items the talk did (ids of the talk rubric); an assessment can be given again."""
    items = [it.id for it in rubric(b)]
    unknown = [c for c in checks if c not in items]
    if unknown:
        raise InvalidInput(f"not in the talk rubric: {', '.join(unknown)}")
    with sessions.begin() as s:
        row = _row(s, rehearsal_id)
        row.rubric = items
        row.checks = [i for i in items if i in set(checks)]
        row.assessed_at = at or now_utc()
        s.flush()
        return _view(row)


def get_rehearsal(*, sessions: SessionFactory, rehearsal_id: int) -> RehearsalView:
    with sessions.begin() as s:
        return _view(_row(s, rehearsal_id))


def rehearsals(*, sessions: SessionFactory, project_id: int | None = None, since: datetime | None = None,
               until: datetime | None = None, limit: int = 50) -> list[RehearsalView]:
    """The acting user's rehearsals, newest first: of one project, and/or saved between since and until."""
    with sessions.begin() as s:
        q = select(TalkRehearsal).where(TalkRehearsal.user_id == repo.local_user_id(s))
        if project_id is not None:
            q = q.where(TalkRehearsal.project_id == project_id)
        if since is not None:
            q = q.where(TalkRehearsal.rehearsed_at >= since)
        if until is not None:
            q = q.where(TalkRehearsal.rehearsed_at <= until)
        rows = s.scalars(q.order_by(TalkRehearsal.rehearsed_at.desc(), TalkRehearsal.id.desc()).limit(limit)).all()
        return [_view(r) for r in rows]


def delete_rehearsal(*, sessions: SessionFactory, rehearsal_id: int) -> None:
    with sessions.begin() as s:
        s.delete(_row(s, rehearsal_id))
