"""The design rounds' table: one practice session at one ML model or ML infra design prompt.

* design_sessions: the prompt (``<kind>/<slug>``), where it was started (web or terminal), the
  clock (the start, the phase open now and when it opened, the seconds spent in each phase
  already left), the notes per phase (Markdown), the Mermaid diagram, the clarifying questions
  asked with the answers given, the user's rubric marks (with each item's signal, so the
  scorecard still reads after a prompt changes), when the clock stopped (and whether it stopped
  because the round's time ran out rather than by the user's finish) and when the marks were given.

Only portable SQL, like the other models.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from rounds.domain.attempt import now_utc
from rounds.storage.models import Base, _one_of

DESIGN_SOURCES = ("web", "terminal")


class DesignSession(Base):
    """A design round practised: the phased clock, the notes, the diagram, the questions, the marks."""

    __tablename__ = "design_sessions"
    __table_args__ = (
        CheckConstraint(_one_of("source", DESIGN_SOURCES), name="source"),
        Index("ix_design_sessions_user_started", "user_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    prompt_id: Mapped[str] = mapped_column(String(200), index=True)  # <kind>/<slug>
    source: Mapped[str] = mapped_column(String(16), default="web")
    started_at: Mapped[datetime] = mapped_column(default=now_utc)
    phase: Mapped[str] = mapped_column(String(32))  # the phase open now (the last one once finished)
    phase_started_at: Mapped[datetime]  # when the open phase began
    phase_seconds: Mapped[dict[str, Any]] = mapped_column(JSON)  # phase -> seconds spent (phases left behind)
    notes: Mapped[dict[str, Any]] = mapped_column(JSON)  # phase -> Markdown
    diagram: Mapped[str] = mapped_column(Text, default="")  # Mermaid source
    clarify: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # question, answer, matched, asked_at
    marks: Mapped[dict[str, Any]] = mapped_column(JSON)  # item id -> {mark, signal, hinted}
    saved_at: Mapped[datetime] = mapped_column(default=now_utc)  # the notes or the diagram, last saved
    finished: Mapped[bool] = mapped_column(default=False)  # the clock stopped: the rubric step is open
    finished_at: Mapped[datetime | None]
    time_ran_out: Mapped[bool] = mapped_column(default=False, server_default=false())  # the clock ended it, not the user
    marked_at: Mapped[datetime | None]  # the user's marks given: the reference is revealed
