"""The accounts tables of a multi-user server (``ROUNDS_ACCOUNTS=1``, docs/accounts.md).

* accounts: the login of a user (a row of users): argon2 password hash, role, group, disabled flag.
  The local user of a laptop has no account: with accounts off nothing here is read.
* login_sessions: a signed-in browser: the SHA-256 of its session cookie, whose it is, until when.
* invites: sign-up links: the SHA-256 of the link's token, the role and group it grants, until
  when, and who used it.
* shares: what a learner shows the coaches of their group (a story, or a delivery with its recording).

Only portable SQL, like the other models.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rounds.domain.attempt import now_utc
from rounds.storage.models import Base, _one_of

ROLES = ("learner", "coach", "admin")
SHARE_KINDS = ("story", "delivery")


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="role"),
        Index("ix_accounts_group", "group_name"),
    )

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="learner")
    group_name: Mapped[str] = mapped_column(String(80), default="")
    disabled: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    last_login_at: Mapped[datetime | None]


class LoginSession(Base):
    __tablename__ = "login_sessions"
    __table_args__ = (Index("ix_login_sessions_user", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    expires_at: Mapped[datetime]


class Invite(Base):
    __tablename__ = "invites"
    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    group_name: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    expires_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    used_at: Mapped[datetime | None]


class Share(Base):
    __tablename__ = "shares"
    __table_args__ = (
        CheckConstraint(_one_of("kind", SHARE_KINDS), name="kind"),
        UniqueConstraint("user_id", "kind", "ref_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))  # the owner
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[int]  # the story's or the delivery's id
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
