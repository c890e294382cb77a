"""The tables of behavioral and deep-dive practice: the user's own, private material.

* stories: a story in SAIL form (situation, action, impact, learning), rough notes, its tags
  (signals, companies, project) and the bank questions it answers.
* deliveries: one take at a question under the timer: how long it took, the typed or pasted
  transcript with its words per minute and filler words, the self-check marks against the
  question's list, and the name of the recording (a file in the data folder's ``recordings``).
* projects: a project for the deep dive, with its talk outline (slides as JSON) and talk budget.
* talk_rehearsals: one rehearsal of a project's talk, slide by slide against the outline's minutes, with
  the self-assessment against the talk rubric (the bank's ids ticked, and the rubric as it stood then).
* project_chapters: a project's chapters (design, development, launch, learnings, next steps),
  each with the user's 1-5 scores, the decisions taken with the alternatives rejected, and the
  numbers that prove impact.

Bank ids (questions, probes) are stored as strings: the bank never renames them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rounds.domain.attempt import now_utc
from rounds.storage.models import Base, _one_of

CHAPTERS = ("design", "development", "launch", "learnings", "next-steps")
DELIVERY_KINDS = ("behavioral", "probe", "project")
TALK_MINUTES = (45, 60)


class Story(Base):
    """One of the user's stories, told in SAIL form."""

    __tablename__ = "stories"
    __table_args__ = (Index("ix_stories_user", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    learning: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")  # rough notes, as remembered
    signals: Mapped[list[str]] = mapped_column(JSON)
    companies: Mapped[list[str]] = mapped_column(JSON)
    project: Mapped[str] = mapped_column(String(200), default="")
    questions: Mapped[list[str]] = mapped_column(JSON)  # bank question ids it answers
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc)


class Project(Base):
    """A project told in a deep dive or a job talk, with the talk's outline."""

    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint("talk_minutes IN (45, 60)", name="talk_minutes"),
        Index("ix_projects_user", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")  # what the user did, in one or two sentences
    talk_minutes: Mapped[int] = mapped_column(default=45)  # the whole talk, questions included
    outline: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # slides: title, bullets, notes, minutes
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc)

    chapters: Mapped[list[ProjectChapter]] = relationship(
        back_populates="project", order_by="ProjectChapter.position", cascade="all, delete-orphan")


class ProjectChapter(Base):
    """One chapter of a project, scored 1-5 by the user on three axes."""

    __tablename__ = "project_chapters"
    __table_args__ = (
        UniqueConstraint("project_id", "kind"),
        CheckConstraint(_one_of("kind", CHAPTERS), name="kind"),
        CheckConstraint("collaboration BETWEEN 1 AND 5", name="collaboration"),
        CheckConstraint("ambiguity BETWEEN 1 AND 5", name="ambiguity"),
        CheckConstraint("technical BETWEEN 1 AND 5", name="technical"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int]
    body: Mapped[str] = mapped_column(Text, default="")  # what happened in this chapter
    collaboration: Mapped[int | None]  # collaboration complexity, 1-5
    ambiguity: Mapped[int | None]
    technical: Mapped[int | None]  # technical complexity
    decisions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # {"decision": str, "rejected": [str]}
    metrics: Mapped[list[str]] = mapped_column(JSON)  # numbers that prove impact, as written

    project: Mapped[Project] = relationship(back_populates="chapters")


class Delivery(Base):
    """One timed take at a question: behavioral, a bank deep-dive probe, or a question from a project."""

    __tablename__ = "deliveries"
    __table_args__ = (
        CheckConstraint(_one_of("kind", DELIVERY_KINDS), name="kind"),
        Index("ix_deliveries_user_question", "user_id", "question_id", "delivered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    question_id: Mapped[str] = mapped_column(String(300))  # bank id, probe id, or project/<id>/<item>
    question: Mapped[str] = mapped_column(Text)  # the words asked (generated questions have no bank entry)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    duration_s: Mapped[float | None]  # the timer, start to stop
    spoken: Mapped[bool] = mapped_column(default=False, server_default=false())  # said aloud (else typed)
    target_s: Mapped[int] = mapped_column(default=120)
    transcript: Mapped[str] = mapped_column(Text, default="")  # typed or pasted
    words: Mapped[int] = mapped_column(default=0)
    wpm: Mapped[float | None]
    fillers: Mapped[int] = mapped_column(default=0)
    filler_words: Mapped[dict[str, Any]] = mapped_column(JSON)  # filler -> count
    checklist: Mapped[list[str]] = mapped_column(JSON)  # the self-check list as it stood then
    checks: Mapped[list[int]] = mapped_column(JSON)  # indexes of the checklist ticked
    recording: Mapped[str | None] = mapped_column(String(200))  # file name in <data>/recordings
    recording_type: Mapped[str | None] = mapped_column(String(100))
    delivered_at: Mapped[datetime] = mapped_column(default=now_utc)


class TalkRehearsal(Base):
    """One rehearsal of a project's talk: each slide's time against its minutes, then the self-assessment."""

    __tablename__ = "talk_rehearsals"
    __table_args__ = (Index("ix_talk_rehearsals_user", "user_id", "rehearsed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    project_name: Mapped[str] = mapped_column(String(200))  # kept when the project is deleted
    talk_minutes: Mapped[int] = mapped_column(default=45)  # the project's talk, questions included
    budget_s: Mapped[int]  # the slides' minutes, in seconds: the talking time
    total_s: Mapped[float]  # the slides' times added up
    slides: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # {"title", "budget_s", "took_s" (None: not reached)}
    rubric: Mapped[list[str]] = mapped_column(JSON)  # the rubric's item ids when assessed
    checks: Mapped[list[str]] = mapped_column(JSON)  # the item ids ticked
    rehearsed_at: Mapped[datetime] = mapped_column(default=now_utc)
    assessed_at: Mapped[datetime | None]
