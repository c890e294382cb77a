"""The codebase round's table: the built-in assistant's conversation of an attempt.

* codebase_chat: one message of the chat pane of an AI-allowed codebase attempt in the web app,
  the user's or the assistant's, with when it was sent (shown after the attempt as how the user
  partnered with the AI). The repository itself is the attempt's code, as for every problem.

Only portable SQL, like the other models.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rounds.domain.attempt import now_utc
from rounds.storage.models import Base, _one_of

CHAT_ROLES = ("user", "assistant")


class CodebaseChatMessage(Base):
    """One message of an attempt's conversation with the built-in assistant."""

    __tablename__ = "codebase_chat"
    __table_args__ = (
        CheckConstraint(_one_of("role", CHAT_ROLES), name="role"),
        Index("ix_codebase_chat_attempt", "attempt_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    path: Mapped[str] = mapped_column(String(300), default="")  # the file open when the user asked
    at: Mapped[datetime] = mapped_column(default=now_utc)
