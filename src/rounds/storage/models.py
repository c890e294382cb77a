"""The tables, as SQLAlchemy 2 typed declarative models. Alembic owns the schema (migrations/).

* users: people; a single local user is created on first use.
* attempts: one sitting at one problem: mode, clock, level reached, status, the current code.
* attempt_events: the attempt's log (started, level started/passed, run, submit, ...).
* submissions: code sent for judging, stored (committed) before it is judged.
* results: the judge's report for a submission, with its verdict and score.
* card_states: the FSRS memory state of each fundamentals card a user has reviewed (derived from the log).
* card_reviews: the review log: one row per grade given to a card; the states are replayed from it.
* card_sessions: timed card rounds (the phone screen): the questions drawn, the answers typed, the verdict.
* user_cards: the cards a user wrote (their own deck, `mine`).

Only portable SQL: the same models run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from rounds.domain.attempt import (
    AttemptStatus,
    EventKind,
    Mode,
    SubmissionKind,
    SubmissionStatus,
    now_utc,
)
from rounds.domain.feedback import MODES
from rounds.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: Any) -> str:
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    settings: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the user's own choices, e.g. the editor's

    attempts: Mapped[list[Attempt]] = relationship(back_populates="user")


class Attempt(Base):
    __tablename__ = "attempts"
    __table_args__ = (
        CheckConstraint(_one_of("mode", Mode), name="mode"),
        CheckConstraint(_one_of("feedback", MODES), name="feedback"),
        CheckConstraint(_one_of("status", AttemptStatus), name="status"),
        CheckConstraint("level >= 1 AND levels_passed >= 0", name="levels"),
        Index("ix_attempts_user_started", "user_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)  # stable public id (workspaces, URLs)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    problem_id: Mapped[str] = mapped_column(String(200), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    feedback: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime]
    deadline: Mapped[datetime | None]
    budget_minutes: Mapped[int]
    level: Mapped[int] = mapped_column(default=1)  # the level open now (reached)
    target_level: Mapped[int]  # the last level in scope: the problem's last, or the drilled one
    levels_passed: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(16), default=AttemptStatus.ACTIVE.value)
    score: Mapped[int | None]
    code: Mapped[str] = mapped_column(Text)
    code_saved_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="attempts")
    events: Mapped[list[AttemptEvent]] = relationship(
        back_populates="attempt", order_by="AttemptEvent.id", cascade="all, delete-orphan")
    submissions: Mapped[list[Submission]] = relationship(
        back_populates="attempt", order_by="Submission.id", cascade="all, delete-orphan")


class AttemptEvent(Base):
    __tablename__ = "attempt_events"
    __table_args__ = (CheckConstraint(_one_of("kind", EventKind), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    level: Mapped[int | None]
    at: Mapped[datetime]
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id", ondelete="SET NULL"))

    attempt: Mapped[Attempt] = relationship(back_populates="events")
    submission: Mapped[Submission | None] = relationship()


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        CheckConstraint(_one_of("kind", SubmissionKind), name="kind"),
        CheckConstraint(_one_of("status", SubmissionStatus), name="status"),
        Index("ix_submissions_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    level: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(Text)
    seed: Mapped[int]
    custom: Mapped[list[str] | None] = mapped_column(JSON)  # runs: the user's own inputs, as typed
    status: Mapped[str] = mapped_column(String(16), default=SubmissionStatus.QUEUED.value)
    tries: Mapped[int] = mapped_column(default=0)  # judging attempts started
    claimed_by: Mapped[str | None] = mapped_column(String(200))  # host:pid:start of the judging process
    claimed_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(Text)  # why the last judging try failed
    created_at: Mapped[datetime]
    judged_at: Mapped[datetime | None]

    attempt: Mapped[Attempt] = relationship(back_populates="submissions")
    result: Mapped[Result | None] = relationship(back_populates="submission", cascade="all, delete-orphan")


class Result(Base):
    __tablename__ = "results"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), unique=True)
    verdict: Mapped[str] = mapped_column(String(8))
    score: Mapped[int | None]
    tests_passed: Mapped[int]
    tests_total: Mapped[int]
    highest_level_passed: Mapped[int]
    report: Mapped[dict[str, Any]]  # Report.to_json(), unfiltered: feedback modes apply on read
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    submission: Mapped[Submission] = relationship(back_populates="result")


CARD_OUTCOMES = ("correct", "wrong", "skipped", "self", "unanswered")
CARD_SESSION_KINDS = ("screen", "onsite")


class CardState(Base):
    """Where a card stands for a user: FSRS state, stability, difficulty, when it is due next."""

    __tablename__ = "card_states"
    __table_args__ = (
        UniqueConstraint("user_id", "card_id"),
        Index("ix_card_states_user_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[str] = mapped_column(String(200))  # <deck>/<slug>
    state: Mapped[int]  # fsrs.State: 1 learning, 2 review, 3 relearning
    step: Mapped[int | None]
    stability: Mapped[float | None]
    difficulty: Mapped[float | None]
    due: Mapped[datetime]
    last_review: Mapped[datetime | None]
    first_review: Mapped[datetime]  # the day it was introduced (the new-card limit counts these)
    reps: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)


class CardSession(Base):
    """A timed card round: the drawn questions with their answers (JSON items), the clock, the verdict."""

    __tablename__ = "card_sessions"
    __table_args__ = (
        CheckConstraint(_one_of("kind", CARD_SESSION_KINDS), name="kind"),
        Index("ix_card_sessions_user_started", "user_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    decks: Mapped[list[str]] = mapped_column(JSON)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # card_id, seed, answer, answered_at, grade, ...
    started_at: Mapped[datetime]
    deadline: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    verdict: Mapped[str | None] = mapped_column(String(8))  # pass | fail, once self-graded


class CardReview(Base):
    """The review log: one grade given to one card (FSRS rating 1 Again .. 4 Easy)."""

    __tablename__ = "card_reviews"
    __table_args__ = (
        CheckConstraint("rating BETWEEN 1 AND 4", name="rating"),
        CheckConstraint(_one_of("outcome", CARD_OUTCOMES), name="outcome"),
        Index("ix_card_reviews_user_card", "user_id", "card_id", "reviewed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    card_id: Mapped[str] = mapped_column(String(200))
    rating: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(16))  # the machine's grade, or self (open cards)
    reviewed_at: Mapped[datetime]
    seed: Mapped[int | None]  # computed cards: the draw shown
    answer: Mapped[str] = mapped_column(Text, default="")  # as typed ("" is "I don't know")
    elapsed_s: Mapped[float | None]
    retention: Mapped[float]  # the desired retention the card was scheduled with (for the replay)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("card_sessions.id", ondelete="SET NULL"))


class UserCard(Base):
    """A card the user wrote: an open card in their own deck, ``mine/<slug>`` (the slug never changes)."""

    __tablename__ = "user_cards"
    __table_args__ = (UniqueConstraint("user_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    slug: Mapped[str] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    key_points: Mapped[list[str]] = mapped_column(JSON)
    tags: Mapped[list[str]] = mapped_column(JSON)
    deeper: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc)


# The accounts of a multi-user server live in their own module and join this metadata here.
from rounds.storage import models_accounts as _accounts  # noqa: E402,F401

# The behavioral practice tables too.
from rounds.storage import models_behavioral as _behavioral  # noqa: E402,F401

# The codebase round's assistant conversation too.
from rounds.storage import models_codebase as _codebase  # noqa: E402,F401

# The design practice tables too.
from rounds.storage import models_design as _design  # noqa: E402,F401

# The mock loop's tables too.
from rounds.storage import models_loop as _loop  # noqa: E402,F401
