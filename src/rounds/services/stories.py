"""The user's stories: SAIL form, tags, the bank questions each answers, and the coverage matrix.

A story is told in SAIL form: the **s**ituation, the **a**ction the user took, the **i**mpact (with
numbers where there are some) and the **l**earning, plus rough notes as remembered. It is tagged
with the signals it carries (the coverage matrix's columns), the companies it suits and the
project it comes from, and lists the bank questions it answers.

Markdown (``rounds stories add FILE.md`` and the archive) reads and writes the same shape::

    # Title
    signals: conflict, leadership
    companies: amazon
    project: Ranking rewrite
    questions: disagreed-with-manager

    ## Situation
    ...
    ## Action / ## Impact / ## Learning / ## Notes
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from rounds.content.behavioral import SIGNALS, Behavioral, bank
from rounds.domain.attempt import now_utc
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models_behavioral import Story

SAIL = ("situation", "action", "impact", "learning")
MAX_TEXT = 10_000
MAX_TITLE = 200
MAX_QUESTIONS_PER_STORY = 5  # more than this and one story is carrying too much of the bank
_TAG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class StoryNotFound(ServiceError):
    """No story with that id."""


@dataclass(frozen=True)
class StoryInput:
    """A story as typed or read from Markdown, before it is stored."""

    title: str
    situation: str = ""
    action: str = ""
    impact: str = ""
    learning: str = ""
    notes: str = ""
    signals: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    project: str = ""
    questions: tuple[str, ...] = ()

    def problems(self, b: Behavioral) -> list[str]:
        out = []
        if not self.title.strip():
            out.append("the title is empty")
        if len(self.title) > MAX_TITLE:
            out.append(f"the title is longer than {MAX_TITLE} characters")
        if not any(getattr(self, k).strip() for k in (*SAIL, "notes")):
            out.append("write at least one of situation, action, impact, learning or the rough notes")
        for name in (*SAIL, "notes"):
            if len(getattr(self, name)) > MAX_TEXT:
                out.append(f"the {name} is longer than {MAX_TEXT} characters")
        unknown = [s for s in self.signals if s not in SIGNALS]
        if unknown:
            out.append(f"unknown signal {', '.join(unknown)} (the signals: {', '.join(SIGNALS)})")
        bad = [c for c in self.companies if not _TAG.match(c)]
        if bad:
            out.append(f"company '{bad[0]}' must be a lowercase slug such as {', '.join(sorted(b.companies)[:3])}")
        missing = [q for q in self.questions if q not in b.questions]
        if missing:
            out.append(f"no question '{missing[0]}' in the bank")
        if len(self.project) > MAX_TITLE:
            out.append(f"the project is longer than {MAX_TITLE} characters")
        return out


@dataclass(frozen=True)
class StoryView:
    id: int
    title: str
    situation: str
    action: str
    impact: str
    learning: str
    notes: str
    signals: tuple[str, ...]
    companies: tuple[str, ...]
    project: str
    questions: tuple[str, ...]
    updated_at: datetime

    @property
    def overloaded(self) -> bool:
        return len(self.questions) > MAX_QUESTIONS_PER_STORY


def _view(row: Story) -> StoryView:
    return StoryView(id=row.id, title=row.title, situation=row.situation, action=row.action, impact=row.impact,
                     learning=row.learning, notes=row.notes, signals=tuple(row.signals or ()),
                     companies=tuple(row.companies or ()), project=row.project,
                     questions=tuple(row.questions or ()), updated_at=row.updated_at)


def _uniq(items: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(i.strip().lower() for i in items if i.strip()))


def _fields(inp: StoryInput) -> dict[str, Any]:
    return {"title": inp.title.strip(), **{k: getattr(inp, k).strip() for k in (*SAIL, "notes")},
            "signals": [s for s in SIGNALS if s in _uniq(inp.signals)], "companies": _uniq(inp.companies),
            "project": inp.project.strip(), "questions": list(dict.fromkeys(q.strip() for q in inp.questions))}


def _check(inp: StoryInput, b: Behavioral | None) -> None:
    problems = inp.problems(b or bank())
    if problems:
        raise InvalidInput("; ".join(problems))


def add_story(*, sessions: SessionFactory, story: StoryInput, b: Behavioral | None = None) -> int:
    _check(story, b)
    with sessions.begin() as s:
        row = Story(user_id=repo.local_user_id(s), **_fields(story))
        s.add(row)
        s.flush()
        return row.id


def edit_story(*, sessions: SessionFactory, story_id: int, story: StoryInput, b: Behavioral | None = None) -> None:
    _check(story, b)
    with sessions.begin() as s:
        row = _row(s, story_id)
        for k, v in _fields(story).items():
            setattr(row, k, v)
        row.updated_at = now_utc()


def delete_story(*, sessions: SessionFactory, story_id: int) -> None:
    with sessions.begin() as s:
        row = _row(s, story_id)
        repo.forget_shares(s, row.user_id, "story", story_id)
        s.delete(row)


def _row(s: Any, story_id: int) -> Story:
    row = s.get(Story, story_id)
    if row is None or row.user_id != repo.local_user_id(s):
        raise StoryNotFound(f"There is no story {story_id}.")
    return row  # type: ignore[no-any-return]


def get_story(*, sessions: SessionFactory, story_id: int) -> StoryView:
    with sessions.begin() as s:
        return _view(_row(s, story_id))


def list_stories(*, sessions: SessionFactory) -> list[StoryView]:
    with sessions.begin() as s:
        rows = s.scalars(select(Story).where(Story.user_id == repo.local_user_id(s)).order_by(Story.id)).all()
        return [_view(r) for r in rows]


# ---------------------------------------------------------------- coverage


@dataclass
class Coverage:
    """Signals x stories: which story carries which signal, the gaps, and the overloaded stories."""

    signals: tuple[str, ...]
    stories: list[StoryView]
    cells: dict[int, set[str]] = field(default_factory=dict)  # story id -> signals it carries
    per_signal: dict[str, int] = field(default_factory=dict)  # signal -> stories carrying it
    questions_per_signal: dict[str, int] = field(default_factory=dict)  # bank questions asked for it

    @property
    def gaps(self) -> list[str]:
        return [s for s in self.signals if not self.per_signal.get(s)]

    @property
    def overloaded(self) -> list[StoryView]:
        return [st for st in self.stories if st.overloaded]

    def as_json(self) -> dict[str, Any]:
        return {"signals": {s: self.per_signal[s] for s in self.signals}, "gaps": self.gaps,
                "stories": [{"id": st.id, "title": st.title, "signals": sorted(self.cells[st.id]),
                             "questions": len(st.questions), "overloaded": st.overloaded} for st in self.stories],
                "max_questions_per_story": MAX_QUESTIONS_PER_STORY}


def story_signals(story: StoryView, b: Behavioral) -> set[str]:
    """The signals a story carries: its tags, and the signals of the questions it answers."""
    out = set(story.signals)
    for q in story.questions:
        if q in b.questions:
            out.add(b.questions[q].signal)
    return out


def coverage(*, sessions: SessionFactory, b: Behavioral | None = None) -> Coverage:
    b = b or bank()
    stories = list_stories(sessions=sessions)
    cov = Coverage(signals=SIGNALS, stories=stories)
    for st in stories:
        cov.cells[st.id] = story_signals(st, b)
    for sig in SIGNALS:
        cov.per_signal[sig] = sum(sig in c for c in cov.cells.values())
        cov.questions_per_signal[sig] = sum(q.signal == sig for q in b.questions.values())
    return cov


# ---------------------------------------------------------------- Markdown

_HEADINGS = {"situation": "situation", "action": "action", "impact": "impact", "result": "impact",
             "learning": "learning", "learnings": "learning", "notes": "notes", "rough notes": "notes"}
_META = ("signals", "companies", "project", "questions")


def parse_markdown(text: str) -> StoryInput:
    """A story from Markdown (see the module's docstring); raises InvalidInput naming the line."""
    title = ""
    meta: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("## "):
            name = stripped[3:].strip().lower().rstrip(":")
            if name not in _HEADINGS:
                raise InvalidInput(f"line {n}: unknown section '{stripped[3:].strip()}' (use Situation, Action, "
                                   "Impact, Learning, Notes)")
            current = _HEADINGS[name]
            sections.setdefault(current, [])
        elif stripped.startswith("# ") and not title and current is None:
            title = stripped[2:].strip()
        elif current is None:
            if not stripped:
                continue
            key, sep, value = stripped.partition(":")
            if not sep or key.strip().lower() not in _META:
                raise InvalidInput(f"line {n}: expected '# Title', a 'signals:', 'companies:', 'project:' or "
                                   "'questions:' line, or a '## Situation' section")
            meta[key.strip().lower()] = value.strip()
        else:
            sections[current].append(line)
    if not title:
        raise InvalidInput("the story has no '# Title' line")

    def items(key: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in meta.get(key, "").replace(";", ",").split(",") if x.strip())

    return StoryInput(title=title, **{k: "\n".join(v).strip() for k, v in sections.items()},
                      signals=items("signals"), companies=items("companies"), project=meta.get("project", ""),
                      questions=items("questions"))


def to_markdown(story: StoryView) -> str:
    lines = [f"# {story.title}"]
    for key in _META:
        value = getattr(story, key)
        value = ", ".join(value) if isinstance(value, tuple) else value
        if value:
            lines.append(f"{key}: {value}")
    for key in (*SAIL, "notes"):
        body = getattr(story, key)
        if body:
            lines += ["", f"## {key.capitalize()}", body]
    return "\n".join(lines) + "\n"


def as_input(story: StoryView) -> StoryInput:
    return StoryInput(title=story.title, situation=story.situation, action=story.action, impact=story.impact,
                      learning=story.learning, notes=story.notes, signals=story.signals, companies=story.companies,
                      project=story.project, questions=story.questions)
