"""The mock loop's tables: one run of a loop template, and its rounds.

* loop_runs: the template (its id and a copy of it as it was at the start, so a run still reads
  after the template is edited), when the run started and finished, and its status.
* loop_rounds: one per round of the template, in order: its kind, title and minutes, the break
  allowed after it, the item picked for it (a problem, a design prompt, questions), the round it
  delegates to (an attempt, a card screen, a design session; takes are found by their questions
  and the round's window), its own clock (started, deadline, ended) and its status.

Only portable SQL, like the other models.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rounds.domain.attempt import now_utc
from rounds.storage.models import Base, _one_of

RUN_STATUSES = ("active", "finished", "abandoned")
ROUND_STATUSES = ("pending", "running", "done", "expired", "skipped", "missing")


class LoopRun(Base):
    """A loop template run once: rounds in order, each with its own clock."""

    __tablename__ = "loop_runs"
    __table_args__ = (
        CheckConstraint(_one_of("status", RUN_STATUSES), name="status"),
        Index("ix_loop_runs_user_started", "user_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    template_id: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(200))
    template: Mapped[dict[str, Any]] = mapped_column(JSON)  # the template as it was at the start
    started_at: Mapped[datetime] = mapped_column(default=now_utc)
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="active")


class LoopRound(Base):
    """One round of a run: the item picked, the round it delegates to, its own unpausable clock."""

    __tablename__ = "loop_rounds"
    __table_args__ = (
        CheckConstraint(_one_of("status", ROUND_STATUSES), name="status"),
        Index("ix_loop_rounds_run_position", "run_id", "position", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("loop_runs.id", ondelete="CASCADE"))
    position: Mapped[int]  # 0-based order in the run
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int]
    break_after: Mapped[int] = mapped_column(default=0)  # minutes allowed after this round
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)  # the round as the template gave it
    item_id: Mapped[str] = mapped_column(String(200), default="")  # problem, prompt; questions in items
    item_title: Mapped[str] = mapped_column(Text, default="")
    items: Mapped[list[Any]] = mapped_column(JSON)  # question ids of a behavioral or deep-dive round
    ref_id: Mapped[int | None]  # the attempt, card screen or design session it delegates to
    started_at: Mapped[datetime | None]
    deadline: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="pending")
    note: Mapped[str] = mapped_column(Text, default="")  # why missing or skipped
    result: Mapped[dict[str, Any]] = mapped_column(JSON)  # the last result read back from the round
