"""Practice at the design rounds: a session at one ML model design or ML infra design prompt.

A session runs a phased clock kept in the database: the phase open now and when it opened, and
the seconds spent in each phase already left behind, so a reload (or the other face) shows the
same clock. A phase that runs past its budget is flagged (the interviewer would move the
candidate on); the user moves to the next phase when ready, and finishing stops the clock. The
notes (Markdown, one text per phase), the Mermaid diagram and the clarifying questions asked (with
the interviewer's answers, from ``answer_clarifying``) are stored as they come.

Time's up ends the round: once the round's minutes and a short grace (``GRACE_S``, so that a
last note typed as the time runs out still reaches the server) have passed, the session is
finished the way the user's finish does it, at that moment, and marked as ended by the clock.
This happens lazily, on the session's next read or write by any face (the page, the terminal, a
mock loop): there is no timer process. After that the round takes no more notes, diagram or
questions (``TimeRanOut``, whose message says the notes saved before the end are kept); the
rubric can be marked as after any finish.

After the clock: the rubric step. The lexical coverage hint pre-marks the items the notes seem
to cover, labelled as a hint; the user marks each item covered, partly or missed; then the
reference outline per phase, the probes and the pitfalls are revealed. The marks feed the
scorecard: per signal, the share of its items covered (partly counts half), session by session.

Every function takes ``now`` so that tests can move the clock; the faces pass nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rounds.content.design import (
    FALLBACK_ANSWER,
    SIGNALS,
    DesignBank,
    DesignHint,
    Prompt,
    RubricItem,
    bank,
    coverage_hint,
    match_clarifying,
)
from rounds.domain.attempt import now_utc
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models_design import DESIGN_SOURCES, DesignSession

MARKS = ("covered", "partly", "missed")
MARK_VALUE = {"covered": 1.0, "partly": 0.5, "missed": 0.0}
MAX_NOTES = 100_000  # characters per phase
MAX_DIAGRAM = 50_000
MAX_QUESTION = 500
MAX_QUESTIONS = 40
GRACE_S = 120  # after the round's minutes, before the clock ends the round: the last words typed still save
CHART_COLOURS = ("#2457c5", "#17803d", "#9a6200", "#c02b2b", "#8e2dbf", "#0f7d8c", "#a0286b", "#5b6475", "#d4711c",
                 "#3f8f3f")  # one per signal, readable on the light and the dark theme


class DesignSessionNotFound(ServiceError):
    """No design session with that id."""


class PromptNotFound(ServiceError):
    """No design prompt with that id."""


class TimeRanOut(ServiceError):
    """The round's time ran out: the clock ended it, and it takes no more notes, diagram or questions."""


def _utc(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def get_prompt(prompt_id: str, b: DesignBank | None = None) -> Prompt:
    """A prompt by ``<kind>/<slug>`` or bare slug."""
    try:
        return (b or bank()).get(prompt_id)
    except KeyError:
        raise PromptNotFound(f"there is no design prompt '{prompt_id}'") from None


# ---------------------------------------------------------------- what the faces show


@dataclass(frozen=True)
class PhaseClock:
    name: str
    minutes: int
    spent_s: float  # so far (the open phase: up to now)
    state: str  # done | current | ahead

    @property
    def budget_s(self) -> int:
        return self.minutes * 60

    @property
    def over(self) -> bool:
        return self.spent_s > self.budget_s


@dataclass(frozen=True)
class Asked:
    question: str
    answer: str
    matched: bool  # False: the fallback ("that is your call")


@dataclass(frozen=True)
class ItemView:
    item: RubricItem
    hinted: bool  # the hint pre-marks it covered
    matched: tuple[str, ...]  # the synonyms found
    mark: str | None  # the user's, once given
    notes: str  # the notes of the item's phase


@dataclass(frozen=True)
class SessionView:
    id: int
    prompt: Prompt
    source: str
    started_at: datetime
    phase: str  # the open phase
    phase_started_at: datetime
    phases: list[PhaseClock]
    notes: dict[str, str]
    diagram: str
    asked: list[Asked]
    saved_at: datetime
    finished: bool
    finished_at: datetime | None
    time_ran_out: bool  # the clock ended the round (its time ran out), not the user
    ends_at: datetime | None  # while the round is on: when the clock ends it (the round's minutes and the grace)
    marked: bool
    hint: DesignHint | None  # once finished
    items: list[ItemView]  # once finished
    score: float | None  # once marked: the share of the rubric covered (partly counts half)

    @property
    def stage(self) -> str:
        """clock (the round is on) | rubric (marking) | reveal (marked: the reference is shown)."""
        return "reveal" if self.marked else ("rubric" if self.finished else "clock")

    @property
    def current(self) -> PhaseClock:
        return next(p for p in self.phases if p.name == self.phase)

    @property
    def remaining_s(self) -> float:
        """Of the open phase's budget (negative: overrun)."""
        c = self.current
        return c.budget_s - c.spent_s

    @property
    def spent_s(self) -> float:
        return sum(p.spent_s for p in self.phases)

    @property
    def round_s(self) -> int:
        return self.prompt.minutes * 60

    @property
    def next_phase(self) -> str | None:
        names = [p.name for p in self.prompt.phases]
        j = names.index(self.phase) if self.phase in names else len(names)
        return names[j + 1] if j + 1 < len(names) else None

    @property
    def budget_start_s(self) -> float:
        """Seconds spent before the open phase began (for the browser's clock)."""
        return sum(p.spent_s for p in self.phases if p.state == "done")

    def notes_of(self, phase: str) -> str:
        return self.notes.get(phase, "")

    @property
    def all_notes(self) -> str:
        return "\n\n".join(self.notes.get(p.name, "") for p in self.prompt.phases)


def _spent(row: DesignSession, prompt: Prompt, now: datetime) -> list[PhaseClock]:
    names = [p.name for p in prompt.phases]
    open_i = names.index(row.phase) if row.phase in names else 0
    out = []
    for i, p in enumerate(prompt.phases):
        spent = float(row.phase_seconds.get(p.name, 0.0))
        if i == open_i:
            if not row.finished:
                spent += max(0.0, (now - _utc(row.phase_started_at)).total_seconds())
            state = "done" if row.finished else "current"
        else:
            state = "done" if i < open_i else "ahead"
        out.append(PhaseClock(p.name, p.minutes, round(spent, 1), state))
    return out


def _ends_at(row: DesignSession, prompt: Prompt) -> datetime:
    """When the clock ends the round: the round's minutes and the grace, counted as the phase clock counts them."""
    before = sum(float(v) for v in (row.phase_seconds or {}).values())
    return _utc(row.phase_started_at) + timedelta(seconds=prompt.minutes * 60 + GRACE_S - before)


def _stop(row: DesignSession, at: datetime, *, time_ran_out: bool = False) -> None:
    """Stop the clock at ``at`` (the open phase keeps the time spent in it): the rubric step opens."""
    _close_phase(row, at)
    row.finished, row.finished_at, row.time_ran_out = True, at, time_ran_out


def _expire_if_due(row: DesignSession, prompt: Prompt, now: datetime, s: Session | None = None) -> None:
    """End a round whose time has run out, at the moment it ran out (however late it is noticed).

    ``s``: the row was read without a lock (a page, a list): it is read again locked before it changes.
    """
    if row.finished or now < _ends_at(row, prompt):
        return
    if s is not None:
        s.refresh(row, with_for_update=True)
        if row.finished:
            return
    _stop(row, _ends_at(row, prompt), time_ran_out=True)


def expire_if_due(s: Session, row: DesignSession, now: datetime, b: DesignBank | None = None) -> None:
    """The same, for a caller holding the row in its own transaction (a mock loop reading its rounds)."""
    prompt = (b or bank()).prompts.get(row.prompt_id)
    if prompt is not None:
        _expire_if_due(row, prompt, _utc(now), s)


def _ran_out(row: DesignSession, what: str = "notes") -> TimeRanOut:
    at = _utc(row.finished_at) if row.finished_at else None
    when = f" at {at:%Y-%m-%d %H:%M} UTC" if at else ""
    return TimeRanOut(f"the time ran out{when}: the round is over and takes no more {what}. The notes saved "
                      "before the end are kept; mark the rubric to see how you did.")


def _score(marks: dict[str, Any]) -> float | None:
    values = [MARK_VALUE[m["mark"]] for m in marks.values() if m.get("mark") in MARK_VALUE]
    return round(sum(values) / len(values), 3) if values else None


def _view(row: DesignSession, prompt: Prompt, now: datetime) -> SessionView:
    notes = {k: str(v) for k, v in (row.notes or {}).items()}
    hint = None
    items: list[ItemView] = []
    if row.finished:
        hint = coverage_hint("\n\n".join([*notes.values(), row.diagram or ""]), prompt)
        for r in prompt.rubric:
            h = hint.get(r.id)
            m = (row.marks or {}).get(r.id, {}).get("mark")
            items.append(ItemView(r, h.seen, h.matched, m, notes.get(r.phase, "")))
    asked = [Asked(q["question"], q["answer"], bool(q.get("matched"))) for q in (row.clarify or [])
             if "kind" not in q]  # entries with a kind are the optional interviewer's conversation
    return SessionView(
        id=row.id, prompt=prompt, source=row.source, started_at=_utc(row.started_at), phase=row.phase,
        phase_started_at=_utc(row.phase_started_at), phases=_spent(row, prompt, now), notes=notes,
        diagram=row.diagram or "", asked=asked, saved_at=_utc(row.saved_at), finished=row.finished,
        finished_at=_utc(row.finished_at) if row.finished_at else None, time_ran_out=bool(row.time_ran_out),
        ends_at=None if row.finished else _ends_at(row, prompt), marked=row.marked_at is not None,
        hint=hint, items=items, score=_score(row.marks or {}) if row.marked_at else None)


def _row(s: Session, session_id: int, *, lock: bool = False) -> DesignSession:
    row = s.get(DesignSession, session_id, with_for_update=lock)
    if row is None or row.user_id != repo.local_user_id(s):
        raise DesignSessionNotFound(f"there is no design session {session_id}")
    return row


def _prompt_of(row: DesignSession, b: DesignBank | None) -> Prompt:
    try:
        return (b or bank()).get(row.prompt_id)
    except KeyError:
        raise PromptNotFound(f"design session {row.id} is on '{row.prompt_id}', which is no longer in the bank") \
            from None


# ---------------------------------------------------------------- the round


def start(*, sessions: SessionFactory, prompt_id: str, source: str = "web", now: datetime | None = None,
          b: DesignBank | None = None) -> int:
    """Start a session at a prompt: the clock starts in the first phase. Returns its id."""
    now = _utc(now or now_utc())
    prompt = get_prompt(prompt_id, b)
    if source not in DESIGN_SOURCES:
        raise InvalidInput(f"source must be one of {', '.join(DESIGN_SOURCES)}")
    with sessions.begin() as s:
        row = DesignSession(user_id=repo.local_user_id(s), prompt_id=prompt.key, source=source, started_at=now,
                            phase=prompt.phases[0].name, phase_started_at=now, phase_seconds={}, notes={},
                            diagram="", clarify=[], marks={}, saved_at=now, finished=False)
        s.add(row)
        s.flush()
        return row.id


def view(*, sessions: SessionFactory, session_id: int, now: datetime | None = None,
         b: DesignBank | None = None) -> SessionView:
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _row(s, session_id)
        prompt = _prompt_of(row, b)
        _expire_if_due(row, prompt, now, s)
        return _view(row, prompt, now)


def save_notes(*, sessions: SessionFactory, session_id: int, phase: str, text: str,
               now: datetime | None = None, b: DesignBank | None = None) -> datetime:
    """Store the notes of one phase (any phase, at any time, until the round's time runs out: then
    ``TimeRanOut``, and the notes stored before stay as they are). Returns the time saved."""
    now = _utc(now or now_utc())
    if len(text) > MAX_NOTES:
        raise InvalidInput(f"the notes of one phase are limited to {MAX_NOTES} characters")
    with sessions.begin() as s:
        row = _row(s, session_id, lock=True)
        prompt = _prompt_of(row, b)
        if phase not in {p.name for p in prompt.phases}:
            raise InvalidInput(f"'{phase}' is not a phase of this round")
        _expire_if_due(row, prompt, now)
        refused = _ran_out(row) if row.time_ran_out else None
        if refused is None:
            row.notes = {**(row.notes or {}), phase: text}
            row.saved_at = now
            return now
    raise refused  # after the commit: the round's end is stored even though the notes are refused


def save_diagram(*, sessions: SessionFactory, session_id: int, text: str, now: datetime | None = None,
                 b: DesignBank | None = None) -> datetime:
    """Store the Mermaid source of the diagram (until the round's time runs out). Returns the time saved."""
    now = _utc(now or now_utc())
    if len(text) > MAX_DIAGRAM:
        raise InvalidInput(f"the diagram is limited to {MAX_DIAGRAM} characters")
    with sessions.begin() as s:
        row = _row(s, session_id, lock=True)
        _expire_if_due(row, _prompt_of(row, b), now)
        refused = _ran_out(row, "changes to the diagram") if row.time_ran_out else None
        if refused is None:
            row.diagram = text
            row.saved_at = now
            return now
    raise refused


def ask(*, sessions: SessionFactory, session_id: int, question: str, now: datetime | None = None,
        b: DesignBank | None = None) -> Asked:
    """A clarifying question, answered the way the interviewer would, and kept with the session."""
    now = _utc(now or now_utc())
    question = " ".join(question.split())
    if not question:
        raise InvalidInput("type a question first")
    if len(question) > MAX_QUESTION:
        raise InvalidInput(f"a question is limited to {MAX_QUESTION} characters")
    with sessions.begin() as s:
        row = _row(s, session_id, lock=True)
        prompt = _prompt_of(row, b)
        _expire_if_due(row, prompt, now)
        if row.time_ran_out:
            refused = _ran_out(row, "questions")
        elif sum("kind" not in q for q in row.clarify or []) >= MAX_QUESTIONS:
            raise InvalidInput(f"{MAX_QUESTIONS} questions is the limit: state your assumptions and move on")
        else:
            entry = match_clarifying(prompt, question)
            got = Asked(question, entry.answer if entry else FALLBACK_ANSWER, entry is not None)
            row.clarify = [*(row.clarify or []), {"question": got.question, "answer": got.answer,
                                                  "matched": got.matched, "asked_at": now.isoformat()}]
            return got
    raise refused


def _close_phase(row: DesignSession, now: datetime) -> None:
    spent = max(0.0, (now - _utc(row.phase_started_at)).total_seconds())
    seconds = dict(row.phase_seconds or {})
    seconds[row.phase] = round(float(seconds.get(row.phase, 0.0)) + spent, 1)
    row.phase_seconds = seconds
    row.phase_started_at = now


def next_phase(*, sessions: SessionFactory, session_id: int, now: datetime | None = None,
               b: DesignBank | None = None) -> SessionView:
    """Leave the open phase for the next one; leaving the last one finishes the round."""
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _row(s, session_id, lock=True)
        prompt = _prompt_of(row, b)
        _expire_if_due(row, prompt, now)
        if row.finished:
            return _view(row, prompt, now)
        names = [p.name for p in prompt.phases]
        i = names.index(row.phase) if row.phase in names else 0
        if i + 1 < len(names):
            _close_phase(row, now)
            row.phase = names[i + 1]
        else:
            _stop(row, now)
        return _view(row, prompt, now)


def finish(*, sessions: SessionFactory, session_id: int, now: datetime | None = None,
           b: DesignBank | None = None, time_ran_out: bool = False) -> SessionView:
    """Stop the clock (the open phase keeps the time spent in it): the rubric step opens.

    ``time_ran_out``: a clock outside the session ended it (a mock loop's round at its deadline),
    not the user. A round whose own time ran out before ``now`` ends when it ran out.
    """
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _row(s, session_id, lock=True)
        prompt = _prompt_of(row, b)
        _expire_if_due(row, prompt, now)
        if not row.finished:
            _stop(row, now, time_ran_out=time_ran_out)
        return _view(row, prompt, now)


def mark(*, sessions: SessionFactory, session_id: int, marks: dict[str, str], now: datetime | None = None,
         b: DesignBank | None = None, proposed: dict[str, dict[str, str]] | None = None) -> SessionView:
    """The user's marks, one per rubric item (covered, partly or missed); every item must be marked.

    Marks can be given again (a change of mind); the hint each item had is kept beside the mark, and
    so is the optional grader's proposal (``proposed``: item id -> {mark, evidence}) where there was one.
    """
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _row(s, session_id, lock=True)
        prompt = _prompt_of(row, b)
        _expire_if_due(row, prompt, now)
        if not row.finished:
            raise InvalidInput("the round is still on: finish it before marking the rubric")
        known = {r.id for r in prompt.rubric}
        unknown = sorted(set(marks) - known)
        if unknown:
            raise InvalidInput(f"this rubric has no item '{unknown[0]}'")
        missing = [r.id for r in prompt.rubric if r.id not in marks]
        if missing:
            raise InvalidInput(f"mark every item: '{missing[0]}' has no mark yet ({len(missing)} left)")
        bad = [(k, v) for k, v in marks.items() if v not in MARKS]
        if bad:
            raise InvalidInput(f"item '{bad[0][0]}': a mark is covered, partly or missed, not '{bad[0][1]}'")
        v = _view(row, prompt, now)
        hinted = {i.item.id: i.hinted for i in v.items}
        proposed = proposed or {}
        row.marks = {r.id: {"mark": marks[r.id], "signal": r.signal, "hinted": hinted.get(r.id, False),
                            **({"proposed": proposed[r.id].get("mark", ""),
                                "evidence": proposed[r.id].get("evidence", "")} if r.id in proposed else {})}
                     for r in prompt.rubric}
        row.marked_at = now
        return _view(row, prompt, now)


def record_terminal(*, sessions: SessionFactory, session_id: int, notes: dict[str, str], diagram: str,
                    now: datetime | None = None, b: DesignBank | None = None,
                    written_at: datetime | None = None) -> SessionView:
    """A terminal workspace read back: its notes and diagram replace the stored ones, and the clock stops.

    Phases missing from ``notes`` and an empty ``diagram`` keep what is stored (written in the browser).
    ``written_at``: when the files given were last written (default: now). A round whose time ran
    out takes them only if they were written before its end; otherwise ``TimeRanOut``.
    """
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _row(s, session_id, lock=True)
        prompt = _prompt_of(row, b)
        names = {p.name for p in prompt.phases}
        if len(diagram) > MAX_DIAGRAM or any(len(t) > MAX_NOTES for t in notes.values()):
            raise InvalidInput("the notes or the diagram are too long to store")
        _expire_if_due(row, prompt, now)
        given = {k: v for k, v in notes.items() if k in names}
        writes = bool(given or diagram.strip())
        late = bool(row.time_ran_out and row.finished_at and writes and _utc(written_at or now) > _utc(row.finished_at))
        refused = _ran_out(row) if late else None
        if refused is None:
            if writes:
                row.notes = {**(row.notes or {}), **given}
                if diagram.strip():
                    row.diagram = diagram
                row.saved_at = now
            if not row.finished:
                _stop(row, now)
            return _view(row, prompt, now)
    raise refused


# ---------------------------------------------------------------- lists and the scorecard


@dataclass(frozen=True)
class SessionRow:
    id: int
    prompt_id: str
    title: str
    source: str
    started_at: datetime
    stage: str  # clock | rubric | reveal
    phase: str
    score: float | None
    spent_s: float
    time_ran_out: bool  # the clock ended the round, not the user


def past_sessions(*, sessions: SessionFactory, prompt_id: str | None = None, limit: int = 50,
                  now: datetime | None = None, b: DesignBank | None = None) -> list[SessionRow]:
    """The user's sessions, newest first (at one prompt when given)."""
    now = _utc(now or now_utc())
    b = b or bank()
    with sessions.begin() as s:
        q = select(DesignSession).where(DesignSession.user_id == repo.local_user_id(s))
        if prompt_id:
            q = q.where(DesignSession.prompt_id == prompt_id)
        rows = s.scalars(q.order_by(DesignSession.started_at.desc(), DesignSession.id.desc()).limit(limit)).all()
        out = []
        for r in rows:
            p = b.prompts.get(r.prompt_id)
            if p is not None:
                _expire_if_due(r, p, now, s)
            stage = "reveal" if r.marked_at else ("rubric" if r.finished else "clock")
            spent = sum(pc.spent_s for pc in _spent(r, p, now)) if p else 0.0
            out.append(SessionRow(r.id, r.prompt_id, p.title if p else r.prompt_id, r.source, _utc(r.started_at),
                                  stage, r.phase, _score(r.marks or {}) if r.marked_at else None, spent,
                                  bool(r.time_ran_out)))
        return out


@dataclass(frozen=True)
class ScoreColumn:
    session_id: int
    prompt_id: str
    when: datetime
    score: float
    by_signal: dict[str, float | None]  # signal -> share covered (None: no item of that signal)


@dataclass(frozen=True)
class Scorecard:
    signals: tuple[str, ...]
    columns: list[ScoreColumn]  # oldest first
    average: dict[str, float | None]  # over every marked session
    weakest: list[str]  # signals with the lowest average, at most three

    def chart(self) -> dict[str, Any]:
        """What the browser draws (Chart.js): one line per signal, one point per marked session, in %."""
        datasets = []
        for i, sig in enumerate(self.signals):
            points = [None if (v := c.by_signal.get(sig)) is None else round(v * 100) for c in self.columns]
            if any(p is not None for p in points):
                datasets.append({"label": sig.replace("-", " "), "data": points, "colour": CHART_COLOURS[i],
                                 "spanGaps": True, "tension": 0.2})
        return {"type": "line", "labels": [f"#{c.session_id} {c.when:%m-%d}" for c in self.columns],
                "datasets": datasets, "yLabel": "% of the signal's items covered",
                "summary": ", ".join(f"{s.replace('-', ' ')} {round(v * 100)}%" for s, v in self.average.items()
                                     if v is not None)}


def scorecard(*, sessions: SessionFactory, limit: int = 20) -> Scorecard:
    """Per signal, the share of its items the user marked covered (partly counts half), session by session."""
    with sessions.begin() as s:
        rows = s.scalars(select(DesignSession)
                         .where(DesignSession.user_id == repo.local_user_id(s), DesignSession.marked_at.is_not(None))
                         .order_by(DesignSession.marked_at.desc(), DesignSession.id.desc()).limit(limit)).all()
        columns = []
        totals: dict[str, list[float]] = {sig: [] for sig in SIGNALS}
        for r in reversed(rows):
            per: dict[str, list[float]] = {}
            for m in (r.marks or {}).values():
                if m.get("mark") in MARK_VALUE and m.get("signal") in totals:
                    per.setdefault(m["signal"], []).append(MARK_VALUE[m["mark"]])
                    totals[m["signal"]].append(MARK_VALUE[m["mark"]])
            by = {sig: (round(sum(v) / len(v), 3) if (v := per.get(sig)) else None) for sig in SIGNALS}
            score = _score(r.marks or {}) or 0.0
            assert r.marked_at is not None
            columns.append(ScoreColumn(r.id, r.prompt_id, _utc(r.marked_at), score, by))
    average = {sig: (round(sum(v) / len(v), 3) if v else None) for sig, v in totals.items()}
    ranked = sorted((v, sig) for sig, v in average.items() if v is not None)
    return Scorecard(SIGNALS, columns, average, [sig for v, sig in ranked[:3] if v < 1.0])


__all__ = [
    "GRACE_S", "MARKS", "Asked", "DesignSessionNotFound", "ItemView", "PhaseClock", "PromptNotFound", "Scorecard",
    "SessionRow", "SessionView", "TimeRanOut", "ask", "expire_if_due", "finish", "get_prompt", "mark", "next_phase",
    "past_sessions", "record_terminal", "save_diagram", "save_notes", "scorecard", "start", "view",
]
