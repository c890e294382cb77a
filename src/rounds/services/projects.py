"""Projects for the deep dive and the job talk: chapters, the question drill, the talk outline and its export.

A project is told in five chapters (design, development, launch, learnings, next steps). Each is
scored by the user 1-5 on collaboration complexity, ambiguity and technical complexity, and lists
the decisions taken (each with the alternatives rejected) and the numbers that prove impact.

The drill is generated from that structure: for every decision and rejected alternative "why not
the alternative?", for every number "how did you measure it?", for every chapter written "what
would you do differently?"; the bank's deep-dive probes follow. Each is answered under the timer
like a behavioral delivery.

The talk outline is 11 slides made from the chapters (title, the problem, design, decisions,
development, launch, results, learnings, what I would change, next steps, questions), edited in
place, exported as PowerPoint (python-pptx: a title slide, one slide per section, speaker notes)
and as Markdown, and rehearsed slide by slide against a 45 or 60 minute budget (questions included).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from rounds.content.behavioral import AREAS, Behavioral, bank
from rounds.domain.attempt import now_utc
from rounds.services.deliveries import Prompt
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models_behavioral import CHAPTERS, TALK_MINUTES, Project, ProjectChapter

CHAPTER_TITLES = {"design": "Design", "development": "Development", "launch": "Launch", "learnings": "Learnings",
                  "next-steps": "Next steps"}
SCORES = ("collaboration", "ambiguity", "technical")
SCORE_TITLES = {"collaboration": "Collaboration complexity", "ambiguity": "Ambiguity",
                "technical": "Technical complexity"}
QA_MINUTES = {45: 10, 60: 15}  # of the budget, kept for questions
MAX_TEXT = 10_000
MAX_SLIDES = 20
DECISION_CHECKS = ("Named the constraint or number that decided it",
                   "Said what the rejected option would have cost or risked",
                   "Said when the rejected option would have been the right call")
METRIC_CHECKS = ("Named the baseline and the comparison (A/B test, holdout, before/after)",
                 "Said how noise or seasonality was ruled out",
                 "Said who else measured or checked it")
CHAPTER_CHECKS = ("Named one concrete thing to change, not a virtue",
                  "Said what it would have saved (time, money, risk)",
                  "Said what you already do differently since")
PROJECT_TARGET = (60, 180)


class ProjectNotFound(ServiceError):
    """No project with that id."""


@dataclass(frozen=True)
class Decision:
    decision: str
    rejected: tuple[str, ...]


@dataclass(frozen=True)
class ChapterView:
    kind: str
    title: str
    body: str
    scores: dict[str, int | None]
    decisions: tuple[Decision, ...]
    metrics: tuple[str, ...]

    @property
    def written(self) -> bool:
        return bool(self.body.strip() or self.decisions or self.metrics)


@dataclass(frozen=True)
class ProjectView:
    id: int
    name: str
    summary: str
    role: str
    talk_minutes: int
    outline: list[dict[str, Any]]
    chapters: tuple[ChapterView, ...]
    updated_at: datetime

    def chapter(self, kind: str) -> ChapterView:
        return next(c for c in self.chapters if c.kind == kind)


def _chapter_view(kind: str, row: ProjectChapter | None) -> ChapterView:
    if row is None:
        return ChapterView(kind, CHAPTER_TITLES[kind], "", dict.fromkeys(SCORES), (), ())
    return ChapterView(kind, CHAPTER_TITLES[kind], row.body, {k: getattr(row, k) for k in SCORES},
                       tuple(Decision(d.get("decision", ""), tuple(d.get("rejected", ()))) for d in row.decisions or ()),
                       tuple(row.metrics or ()))


def _view(p: Project) -> ProjectView:
    rows = {c.kind: c for c in p.chapters}
    return ProjectView(id=p.id, name=p.name, summary=p.summary, role=p.role, talk_minutes=p.talk_minutes,
                       outline=list(p.outline or []), chapters=tuple(_chapter_view(k, rows.get(k)) for k in CHAPTERS),
                       updated_at=p.updated_at)


def _row(s: Any, project_id: int) -> Project:
    row = s.get(Project, project_id)
    if row is None or row.user_id != repo.local_user_id(s):
        raise ProjectNotFound(f"There is no project {project_id}.")
    return row  # type: ignore[no-any-return]


def _check_text(name: str, value: str, limit: int = MAX_TEXT) -> None:
    if len(value) > limit:
        raise InvalidInput(f"the {name} is longer than {limit} characters")


def add_project(*, sessions: SessionFactory, name: str, summary: str = "", role: str = "",
                talk_minutes: int = 45) -> int:
    if not name.strip():
        raise InvalidInput("the project needs a name")
    _check_text("name", name, 200)
    _check_text("summary", summary)
    _check_text("role", role)
    if talk_minutes not in TALK_MINUTES:
        raise InvalidInput(f"the talk lasts 45 or 60 minutes, not {talk_minutes}")
    with sessions.begin() as s:
        row = Project(user_id=repo.local_user_id(s), name=name.strip(), summary=summary.strip(), role=role.strip(),
                      talk_minutes=talk_minutes, outline=[])
        s.add(row)
        s.flush()
        return row.id


def edit_project(*, sessions: SessionFactory, project_id: int, name: str, summary: str, role: str,
                 talk_minutes: int) -> None:
    if not name.strip():
        raise InvalidInput("the project needs a name")
    _check_text("name", name, 200)
    _check_text("summary", summary)
    _check_text("role", role)
    if talk_minutes not in TALK_MINUTES:
        raise InvalidInput(f"the talk lasts 45 or 60 minutes, not {talk_minutes}")
    with sessions.begin() as s:
        row = _row(s, project_id)
        row.name, row.summary, row.role, row.talk_minutes = name.strip(), summary.strip(), role.strip(), talk_minutes
        row.updated_at = now_utc()


def parse_decisions(text: str) -> list[Decision]:
    """One decision a line: ``what we chose | rejected alternative; another``."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        decision, _, rejected = line.partition("|")
        if not decision.strip():
            raise InvalidInput(f"decisions, line {n}: write the decision before the '|'")
        out.append(Decision(decision.strip(), tuple(r.strip() for r in re.split(r"[;,]", rejected) if r.strip())))
    return out


def decisions_text(decisions: tuple[Decision, ...]) -> str:
    return "\n".join(d.decision + (f" | {'; '.join(d.rejected)}" if d.rejected else "") for d in decisions)


def save_chapter(*, sessions: SessionFactory, project_id: int, kind: str, body: str = "",
                 scores: dict[str, int | None] | None = None, decisions: list[Decision] | None = None,
                 metrics: list[str] | None = None) -> None:
    if kind not in CHAPTERS:
        raise InvalidInput(f"unknown chapter '{kind}' (the chapters: {', '.join(CHAPTERS)})")
    _check_text("chapter", body)
    scores = scores or {}
    for k, v in scores.items():
        if k not in SCORES:
            raise InvalidInput(f"unknown score '{k}'")
        if v is not None and not 1 <= v <= 5:
            raise InvalidInput(f"{SCORE_TITLES[k].lower()} is scored 1 to 5, not {v}")
    with sessions.begin() as s:
        p = _row(s, project_id)
        row = next((c for c in p.chapters if c.kind == kind), None)
        if row is None:
            row = ProjectChapter(kind=kind, position=CHAPTERS.index(kind), decisions=[], metrics=[])
            p.chapters.append(row)
        row.body = body.strip()
        for k in SCORES:
            setattr(row, k, scores.get(k))
        row.decisions = [{"decision": d.decision, "rejected": list(d.rejected)} for d in decisions or []]
        row.metrics = [m.strip() for m in metrics or [] if m.strip()]
        p.updated_at = now_utc()


def get_project(*, sessions: SessionFactory, project_id: int) -> ProjectView:
    with sessions.begin() as s:
        return _view(_row(s, project_id))


def list_projects(*, sessions: SessionFactory) -> list[ProjectView]:
    with sessions.begin() as s:
        rows = s.scalars(select(Project).where(Project.user_id == repo.local_user_id(s)).order_by(Project.id)).all()
        return [_view(r) for r in rows]


def find_project(*, sessions: SessionFactory, name_or_id: str) -> ProjectView:
    """A project by id or by name (case ignored)."""
    projects = list_projects(sessions=sessions)
    for p in projects:
        if str(p.id) == name_or_id.strip() or p.name.lower() == name_or_id.strip().lower():
            return p
    names = ", ".join(f"{p.id} ({p.name})" for p in projects) or "none yet"
    raise ProjectNotFound(f"There is no project '{name_or_id}'. Projects: {names}.")


def delete_project(*, sessions: SessionFactory, project_id: int) -> None:
    with sessions.begin() as s:
        s.delete(_row(s, project_id))


# ---------------------------------------------------------------- the drill


def drill(project: ProjectView, b: Behavioral | None = None) -> list[Prompt]:
    """The questions an interviewer is likely to ask about this project, then the bank's probes."""
    b = b or bank()
    out: list[Prompt] = []

    def add(key: str, question: str, checks: tuple[str, ...], signal: str) -> None:
        out.append(Prompt(kind="project", id=f"project/{project.id}/{key}", question=question, checklist=checks,
                          signal=signal, project_id=project.id, target=PROJECT_TARGET))

    for c in project.chapters:
        for i, d in enumerate(c.decisions):
            for j, alt in enumerate(d.rejected):
                add(f"{c.kind}-decision-{i}-{j}", f"You decided: \"{d.decision}\". Why not {_lower(alt)}?",
                    DECISION_CHECKS, c.title)
            if not d.rejected:
                add(f"{c.kind}-decision-{i}", f"You decided: \"{d.decision}\". What else did you consider, and why not that?",
                    DECISION_CHECKS, c.title)
    for c in project.chapters:
        for i, m in enumerate(c.metrics):
            add(f"{c.kind}-metric-{i}", f"You say: \"{m}\". How did you measure it?", METRIC_CHECKS, c.title)
    for c in project.chapters:
        if c.written:
            add(f"{c.kind}-differently", f"Looking back at the {c.title.lower()} of {project.name}, what would you do "
                "differently?", CHAPTER_CHECKS, c.title)
    for area in AREAS:
        for p in b.by_area(area):
            out.append(Prompt(kind="probe", id=f"probe/{p.id}", question=p.question, checklist=p.strong_answer,
                              signal=area, project_id=project.id, target=PROJECT_TARGET))
    return out


def _lower(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def drill_prompt(project: ProjectView, prompt_id: str, b: Behavioral | None = None) -> Prompt:
    for p in drill(project, b):
        if p.id == prompt_id:
            return p
    raise InvalidInput(f"The drill of {project.name} has no question '{prompt_id}' (has the project changed?).")


# ---------------------------------------------------------------- the talk


def _slide(title: str, bullets: list[str], notes: str, weight: float) -> dict[str, Any]:
    return {"title": title, "bullets": [b for b in bullets if b.strip()][:8], "notes": notes.strip(),
            "weight": weight}


def _sentences(text: str, n: int = 4) -> list[str]:
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", text) if p.strip()]
    return parts[:n]


def build_outline(project: ProjectView) -> list[dict[str, Any]]:
    """An 11-slide outline from the chapters; minutes shared out over the talk's time (questions excluded)."""
    ch = {c.kind: c for c in project.chapters}
    all_metrics = [m for c in project.chapters for m in c.metrics]
    decisions = [d for c in project.chapters for d in c.decisions]
    scores = "; ".join(f"{c.title}: " + ", ".join(f"{SCORE_TITLES[k].lower()} {v}" for k, v in c.scores.items() if v)
                       for c in project.chapters if any(c.scores.values()))
    slides = [
        _slide(project.name, [project.summary, project.role], f"Who I am, what {project.name} is, and my part in it. "
               + project.role, 0.5),
        _slide("The problem", _sentences(project.summary) or ["Why this mattered, to whom, in numbers"],
               "The problem and why it mattered before any solution. " + project.summary, 1.0),
        _slide("Design", _sentences(ch["design"].body), ch["design"].body or "The shape of the system and why.", 1.5),
        _slide("Key decisions", [d.decision + (f" (not {', '.join(d.rejected)})" if d.rejected else "")
                                 for d in decisions] or ["The two or three choices that shaped the project"],
               "For each decision: the constraint that decided it, and what the rejected option would have cost.",
               1.5),
        _slide("Development", _sentences(ch["development"].body), ch["development"].body or
               "How it was built: the hard part, and what surprised us.", 1.5),
        _slide("Launch", _sentences(ch["launch"].body), ch["launch"].body or
               "How it reached users: rollout, guardrails, what went wrong.", 1.0),
        _slide("Results", all_metrics or ["The numbers that prove impact, with their baselines"],
               "How each number was measured, against what baseline. " + (f"Scores: {scores}." if scores else ""),
               1.25),
        _slide("Learnings", _sentences(ch["learnings"].body), ch["learnings"].body or
               "What the project taught me that I now use elsewhere.", 1.0),
        _slide("What I would do differently", ["One concrete change per chapter"],
               "Be specific: what, and what it would have saved.", 0.75),
        _slide("Next steps", _sentences(ch["next-steps"].body), ch["next-steps"].body or
               "Where the work goes next, and the open questions.", 0.75),
        _slide("Questions", ["Thank you"], "Invite questions; have the backup slides ready.", 0.25),
    ]
    share_minutes(slides, project.talk_minutes)
    return slides


def share_minutes(slides: list[dict[str, Any]], talk_minutes: int) -> None:
    """Give each slide minutes in proportion to its weight, over the talk's time less the questions."""
    speaking = talk_minutes - QA_MINUTES.get(talk_minutes, 10)
    total = sum(float(s.get("weight", 1.0)) for s in slides) or 1.0
    for s in slides:
        s["minutes"] = round(speaking * float(s.get("weight", 1.0)) / total, 1)


def save_outline(*, sessions: SessionFactory, project_id: int, slides: list[dict[str, Any]]) -> None:
    if len(slides) > MAX_SLIDES:
        raise InvalidInput(f"at most {MAX_SLIDES} slides")
    clean = []
    for n, sl in enumerate(slides, 1):
        title = str(sl.get("title", "")).strip()
        if not title:
            raise InvalidInput(f"slide {n} has no title")
        minutes = float(sl.get("minutes") or 0)
        if not 0 <= minutes <= 60:
            raise InvalidInput(f"slide {n}: minutes must be 0 to 60")
        bullets = [str(b).strip() for b in sl.get("bullets", []) if str(b).strip()]
        notes = str(sl.get("notes", "")).strip()
        _check_text(f"notes of slide {n}", notes)
        clean.append({"title": title[:200], "bullets": bullets[:12], "notes": notes, "minutes": round(minutes, 1),
                      "weight": float(sl.get("weight", 1.0))})
    with sessions.begin() as s:
        row = _row(s, project_id)
        row.outline = clean
        row.updated_at = now_utc()


def outline(*, sessions: SessionFactory, project_id: int) -> list[dict[str, Any]]:
    """The saved outline, or a fresh one from the chapters."""
    p = get_project(sessions=sessions, project_id=project_id)
    return p.outline or build_outline(p)


def markdown(project: ProjectView, slides: list[dict[str, Any]]) -> str:
    total = sum(float(s.get("minutes") or 0) for s in slides)
    lines = [f"# {project.name}", "", f"A {project.talk_minutes}-minute talk: {total:g} minutes of slides, "
             f"{len(slides)} slides.", ""]
    for n, sl in enumerate(slides, 1):
        lines += [f"## {n}. {sl['title']} ({sl.get('minutes', 0):g} min)", ""]
        lines += [f"- {b}" for b in sl.get("bullets", [])]
        if sl.get("notes"):
            lines += ["", "> Notes: " + sl["notes"].replace("\n", "\n> ")]
        lines.append("")
    return "\n".join(lines)


def pptx(project: ProjectView, slides: list[dict[str, Any]]) -> bytes:
    """A PowerPoint file: the first slide as a title slide, then one titled slide per section, with notes."""
    from pptx import Presentation
    from pptx.util import Pt

    prs = Presentation()
    for n, sl in enumerate(slides):
        if n == 0:
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            slide.shapes.title.text = sl["title"]
            subtitle = slide.placeholders[1]
            subtitle.text = "\n".join(sl.get("bullets", [])[:2])
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = sl["title"]
            body = slide.placeholders[1].text_frame
            bullets = sl.get("bullets", []) or [""]
            body.text = bullets[0]
            for b in bullets[1:]:
                body.add_paragraph().text = b
            for para in body.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(20)
        notes = sl.get("notes", "")
        minutes = sl.get("minutes")
        slide.notes_slide.notes_text_frame.text = (f"[{minutes:g} min] " if minutes else "") + notes
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def file_stem(project: ProjectView) -> str:
    return re.sub(r"[^a-z0-9]+", "-", project.name.lower()).strip("-") or f"project-{project.id}"
