"""Accounts of a multi-user server: users with passwords, roles and groups; invitations; logins.

Only used when ``ROUNDS_ACCOUNTS`` is on (docs/accounts.md). Passwords are hashed with argon2id;
invitation tokens and login session ids are random and stored as their SHA-256 only, so a copy
of the database lets nobody sign in or sign up.

Deleting a user (``delete_user``) removes every row of theirs (OWNED) and their recordings.

Roles: a learner practises; a coach also sees the scorecards of the learners of their group (and
what a learner shares); an admin also sees every group and invites people from the web.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, Table, delete, func, select, update
from sqlalchemy.orm import Session

from rounds.domain.attempt import now_utc
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage.db import SessionFactory
from rounds.storage.models import (
    Attempt,
    AttemptEvent,
    CardReview,
    CardSession,
    CardState,
    Result,
    Submission,
    User,
    UserCard,
)
from rounds.storage.models_accounts import ROLES, Account, Invite, LoginSession, Share
from rounds.storage.models_behavioral import Delivery, Project, ProjectChapter, Story, TalkRehearsal
from rounds.storage.models_codebase import CodebaseChatMessage
from rounds.storage.models_design import DesignSession
from rounds.storage.models_loop import LoopRound, LoopRun
from rounds.storage.repositories import LOCAL_USER

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$")
GROUP_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,78}$|^$")
MIN_PASSWORD = 10
MAX_PASSWORD = 256
SESSION_DAYS = 14
# A web process remembers who a session id is signed in as for this long, instead of asking the
# database on every request. Changes made in the same process (sign-out, disabling, a new password,
# a new role) apply at once; made by another process (`rounds users ...`), within this time.
SIGNED_IN_CACHE_S = 5.0
_changes = 0  # bumped by every change to who is signed in as whom, in this process


def changes() -> int:
    """How many sign-in changes this process made (a cache of session_user starts over when it moves)."""
    return _changes


def _changed() -> None:
    global _changes
    _changes += 1
INVITE_DAYS = 7

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
# A hash to verify against when the name is unknown, so that both cases take the same time.
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ServiceError):
    """A refusal to show as it is (a taken name, a spent invitation...)."""


@dataclass(frozen=True)
class CurrentUser:
    id: int
    name: str
    role: str
    group: str

    @property
    def coaches(self) -> bool:
        return self.role in ("coach", "admin")

    @property
    def admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    role: str
    group: str
    disabled: bool
    created_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True)
class InviteView:
    role: str
    group: str
    expires_at: datetime


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_name(name: str) -> str:
    name = name.strip().lower()
    if not NAME_RE.match(name):
        raise InvalidInput("a user name is 3 to 40 characters: lower-case letters, digits, '.', '_' or '-', "
                           "starting and ending with a letter or digit")
    if name == LOCAL_USER:
        raise InvalidInput(f"the name {LOCAL_USER!r} is the laptop's own user; choose another")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"a password has at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"a password has at most {MAX_PASSWORD} characters")
    return password


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput(f"the role is one of {', '.join(ROLES)}, not {role!r}")
    return role


def check_group(group: str) -> str:
    group = group.strip()
    if not GROUP_RE.match(group):
        raise InvalidInput("a group name is up to 80 letters, digits, spaces, '.', '_' or '-'")
    return group


def _utc(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


# ---------------------------------------------------------------- users


def add_user(*, sessions: SessionFactory, name: str, password: str, role: str = "learner", group: str = "",
             now: datetime | None = None) -> int:
    """A new user with a login; AccountError if the name is taken."""
    name, role, group = check_name(name), check_role(role), check_group(group)
    pw_hash = hash_password(check_password(password))
    when = now or now_utc()
    with sessions.begin() as s:
        return _add(s, name, pw_hash, role, group, when)


def _add(s: Session, name: str, pw_hash: str, role: str, group: str, when: datetime) -> int:
    if s.scalar(select(User.id).where(User.name == name)) is not None:
        raise AccountError(f"the name {name!r} is taken")
    user = User(name=name, created_at=when)
    s.add(user)
    s.flush()
    s.add(Account(user_id=user.id, password_hash=pw_hash, role=role, group_name=group, disabled=False,
                  created_at=when))
    return user.id


def list_users(*, sessions: SessionFactory, group: str | None = None) -> list[UserRow]:
    with sessions.begin() as s:
        q = select(User, Account).join(Account, Account.user_id == User.id)
        if group is not None:
            q = q.where(Account.group_name == group)
        rows = s.execute(q.order_by(Account.group_name, User.name)).all()
        return [UserRow(u.id, u.name, a.role, a.group_name, a.disabled, _utc(a.created_at),
                        _utc(a.last_login_at) if a.last_login_at else None) for u, a in rows]


def _account(s: Session, name: str) -> tuple[User, Account]:
    row = s.execute(select(User, Account).join(Account, Account.user_id == User.id)
                    .where(User.name == name.strip().lower())).first()
    if row is None:
        raise AccountError(f"there is no account {name!r}")
    return row[0], row[1]


def update_user(*, sessions: SessionFactory, name: str, role: str | None = None, group: str | None = None,
                disabled: bool | None = None, password: str | None = None, by: int | None = None) -> None:
    """Change a user's role, group, password or disabled flag; disabling or a new password signs them out.

    Refused (AccountError, nothing changed): a change that leaves the server with no enabled admin
    (the last one demoted or disabled) and, when ``by`` says who asks (the admin page), disabling
    one's own account."""
    role = check_role(role) if role is not None else None
    group = check_group(group) if group is not None else None
    pw_hash = hash_password(check_password(password)) if password is not None else None
    with sessions.begin() as s:
        user, acc = _account(s, name)
        if disabled and by is not None and by == user.id:
            raise AccountError("you cannot disable your own account (it would sign you out at once): "
                               "another admin can")
        demoted = role is not None and role != "admin"
        if acc.role == "admin" and not acc.disabled and (disabled or demoted):
            _keep_an_admin(s, user, "disable" if disabled else "change the role of")
        if role is not None:
            acc.role = role
        if group is not None:
            acc.group_name = group
        if disabled is not None:
            acc.disabled = disabled
        if pw_hash is not None:
            acc.password_hash = pw_hash
        if disabled or pw_hash is not None:
            s.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    _changed()


def _keep_an_admin(s: Session, user: User, verb: str) -> None:
    """Refuse if ``user`` is the only enabled admin. The admins' rows are locked (PostgreSQL; SQLite
    holds the whole database already), so two admins demoting each other at once keep one."""
    admins = s.scalars(select(Account.user_id).where(Account.role == "admin", Account.disabled.is_(False))
                       .order_by(Account.user_id).with_for_update()).all()
    if set(admins) <= {user.id}:
        raise AccountError(f"{user.name!r} is the last admin: make another user an admin first, then {verb} "
                           "this one")


# ---------------------------------------------------------------- deleting a user

# What belongs to a user, table by table, in the order the rows are deleted: children before their
# parents, so that nothing relies on ON DELETE rules (the same on SQLite and PostgreSQL either way).
# The label names the kind of row in what `rounds users delete` prints. A new table that holds a
# user's rows (a user_id, or a parent that has one) belongs here: tests/test_accounts_delete.py
# fails until it is.
OWNED: tuple[tuple[str, str], ...] = (
    ("shares", "shares"),
    ("login_sessions", "login sessions"),
    ("attempt_events", "attempt events"),
    ("results", "results"),
    ("submissions", "submissions"),
    ("codebase_chat", "assistant messages"),
    ("attempts", "attempts"),
    ("card_reviews", "card reviews"),
    ("card_sessions", "card screens"),
    ("card_states", "card states"),
    ("user_cards", "own cards"),
    ("deliveries", "takes"),
    ("talk_rehearsals", "talk rehearsals"),
    ("project_chapters", "project chapters"),
    ("projects", "projects"),
    ("stories", "stories"),
    ("design_sessions", "design sessions"),
    ("loop_rounds", "loop rounds"),
    ("loop_runs", "mock loops"),
    ("accounts", "account"),
    ("users", "user (with their settings)"),
)


def owned_rows(user_id: int) -> list[tuple[Table, ColumnElement[bool]]]:
    """Each table of OWNED with the condition that picks the user's rows in it, in OWNED's order."""
    attempts = select(Attempt.id).where(Attempt.user_id == user_id)
    subs = select(Submission.id).where(Submission.attempt_id.in_(attempts))
    where: dict[str, tuple[Any, ColumnElement[bool]]] = {
        "shares": (Share, Share.user_id == user_id),
        "login_sessions": (LoginSession, LoginSession.user_id == user_id),
        "attempt_events": (AttemptEvent, AttemptEvent.attempt_id.in_(attempts)),
        "results": (Result, Result.submission_id.in_(subs)),
        "submissions": (Submission, Submission.attempt_id.in_(attempts)),
        "codebase_chat": (CodebaseChatMessage, CodebaseChatMessage.attempt_id.in_(attempts)),
        "attempts": (Attempt, Attempt.user_id == user_id),
        "card_reviews": (CardReview, CardReview.user_id == user_id),
        "card_sessions": (CardSession, CardSession.user_id == user_id),
        "card_states": (CardState, CardState.user_id == user_id),
        "user_cards": (UserCard, UserCard.user_id == user_id),
        "deliveries": (Delivery, Delivery.user_id == user_id),
        "talk_rehearsals": (TalkRehearsal, TalkRehearsal.user_id == user_id),
        "project_chapters": (ProjectChapter, ProjectChapter.project_id.in_(
            select(Project.id).where(Project.user_id == user_id))),
        "projects": (Project, Project.user_id == user_id),
        "stories": (Story, Story.user_id == user_id),
        "design_sessions": (DesignSession, DesignSession.user_id == user_id),
        "loop_rounds": (LoopRound, LoopRound.run_id.in_(select(LoopRun.id).where(LoopRun.user_id == user_id))),
        "loop_runs": (LoopRun, LoopRun.user_id == user_id),
        "accounts": (Account, Account.user_id == user_id),
        "users": (User, User.id == user_id),
    }
    return [(where[name][0].__table__, where[name][1]) for name, _ in OWNED]


@dataclass(frozen=True)
class Removal:
    """What deleting a user removes (or removed): rows per table, recording files, invitations kept."""

    user_id: int
    name: str
    role: str
    group: str
    rows: dict[str, int]  # table -> rows of the user's
    recordings: int  # audio files of their takes, under <data>/recordings
    open_invites: int  # sign-up links they made that still work: kept, without their name

    def kinds(self) -> list[tuple[str, int]]:
        """(label, count) of every kind of row the user had, in OWNED's order, the files after the takes."""
        out: list[tuple[str, int]] = []
        for table, label in OWNED:
            if self.rows.get(table):
                out.append((label, self.rows[table]))
            if table == "deliveries" and self.recordings:
                out.append(("recordings (files)", self.recordings))
        return out


def _to_delete(s: Session, name: str) -> tuple[User, Account | None]:
    """The user called ``name``, if deleting them is allowed: not the laptop's user, not the last admin."""
    name = name.strip().lower()
    if name == LOCAL_USER:
        raise AccountError(f"{LOCAL_USER!r} is the laptop's own user (accounts off): it cannot be deleted")
    user = s.scalars(select(User).where(User.name == name)).first()
    if user is None:
        raise AccountError(f"there is no account {name!r}: nothing deleted (`rounds users list` shows the names)")
    acc = s.get(Account, user.id)
    if acc is not None and acc.role == "admin" and not acc.disabled:
        _keep_an_admin(s, user, "delete")  # two admins deleting each other at once keep one
    return user, acc


def _recordings(s: Session, user_id: int) -> list[str]:
    """The file names of the user's recordings that no other user's take points at."""
    mine = set(s.scalars(select(Delivery.recording).where(Delivery.user_id == user_id,
                                                          Delivery.recording.is_not(None))).all())
    shared = set(s.scalars(select(Delivery.recording).where(Delivery.user_id != user_id,
                                                            Delivery.recording.in_(mine))).all()) if mine else set()
    # A stored name is a bare file name; anything else is no file of the recordings folder.
    return sorted(n for n in mine - shared if n and n == Path(n).name and n not in (".", ".."))


def _open_invites(s: Session, user_id: int, when: datetime) -> int:
    return s.scalar(select(func.count()).select_from(Invite).where(Invite.created_by == user_id, *_open(when))) or 0


def _removal(user: User, acc: Account | None, rows: dict[str, int], files: int, invites: int) -> Removal:
    return Removal(user.id, user.name, acc.role if acc else "-", acc.group_name if acc else "", rows, files, invites)


def deletion_preview(*, sessions: SessionFactory, data_dir: Path, name: str, now: datetime | None = None) -> Removal:
    """What ``delete_user`` would remove, without removing anything (and its refusals, the same)."""
    from rounds.services.deliveries import recordings_dir

    with sessions.begin() as s:
        user, acc = _to_delete(s, name)
        rows = {t.name: s.scalar(select(func.count()).select_from(t).where(cond)) or 0
                for t, cond in owned_rows(user.id)}
        folder = recordings_dir(data_dir)
        files = sum(1 for n in _recordings(s, user.id) if (folder / n).is_file())
        return _removal(user, acc, rows, files, _open_invites(s, user.id, now or now_utc()))


def delete_user(*, sessions: SessionFactory, data_dir: Path, name: str, user_id: int | None = None,
                now: datetime | None = None) -> Removal:
    """Delete the user called ``name`` and everything that is theirs: every row of OWNED in one
    transaction, then (once it is committed) the recordings of their takes. Invitations they made
    stay, usable, without their name; one they used forgets it. Refuses the laptop's own user, the
    last admin and an unknown name (AccountError), deleting nothing; with ``user_id``, a name that is
    no longer that user's (deleted and taken again since a preview) too."""
    from rounds.services.deliveries import recordings_dir

    when = now or now_utc()
    with sessions.begin() as s:
        user, acc = _to_delete(s, name)
        uid = user.id
        if user_id is not None and uid != user_id:
            raise AccountError(f"{user.name!r} is no longer user {user_id}: nothing deleted")
        names = _recordings(s, uid)
        invites = _open_invites(s, uid, when)
        s.execute(update(Invite).where(Invite.created_by == uid).values(created_by=None))
        s.execute(update(Invite).where(Invite.used_by == uid).values(used_by=None))
        rows: dict[str, int] = {}
        for table, cond in owned_rows(uid):
            result = s.execute(delete(table).where(cond))
            rows[table.name] = int(getattr(result, "rowcount", 0) or 0)
        removal = _removal(user, acc, rows, 0, invites)
    _changed()  # signed out at once in this process (within SIGNED_IN_CACHE_S in others)
    folder = recordings_dir(data_dir)
    files = 0
    for n in names:
        path = folder / n
        if path.is_file():
            path.unlink()
            files += 1
    return replace(removal, recordings=files)


# ---------------------------------------------------------------- invitations


def create_invite(*, sessions: SessionFactory, role: str = "learner", group: str = "", days: int = INVITE_DAYS,
                  created_by: int | None = None, now: datetime | None = None) -> str:
    """A one-use sign-up token (put it in a link: /signup/<token>); only its hash is stored."""
    role, group = check_role(role), check_group(group)
    if not 1 <= days <= 90:
        raise InvalidInput("an invitation lasts 1 to 90 days")
    token = secrets.token_urlsafe(24)
    when = now or now_utc()
    with sessions.begin() as s:
        s.add(Invite(token_hash=digest(token), role=role, group_name=group, created_at=when,
                     expires_at=when + timedelta(days=days), created_by=created_by))
    return token


def _open_invite(s: Session, token: str, now: datetime) -> Invite | None:
    if not token or len(token) > 100:
        return None
    inv = s.scalars(select(Invite).where(Invite.token_hash == digest(token))).first()
    if inv is None or inv.used_by is not None or inv.used_at is not None or _utc(inv.expires_at) <= now:
        return None
    return inv


@dataclass(frozen=True)
class OpenInvite:
    """A sign-up link that still works (its token is not kept: only who made it, what and until when)."""

    id: int
    role: str
    group: str
    created_at: datetime
    expires_at: datetime
    created_by: str | None  # the name of who made it; None: made at the shell


def _open(when: datetime) -> tuple[ColumnElement[bool], ...]:
    return (Invite.used_by.is_(None), Invite.used_at.is_(None), Invite.expires_at > when)


def list_invites(*, sessions: SessionFactory, now: datetime | None = None) -> list[OpenInvite]:
    """The open sign-up links (unused, unexpired), the first to expire first."""
    with sessions.begin() as s:
        rows = s.execute(select(Invite, User.name).outerjoin(User, User.id == Invite.created_by)
                         .where(*_open(now or now_utc())).order_by(Invite.expires_at, Invite.id)).all()
        return [OpenInvite(i.id, i.role, i.group_name, _utc(i.created_at), _utc(i.expires_at), who)
                for i, who in rows]


def revoke_invite(*, sessions: SessionFactory, invite_id: int, now: datetime | None = None) -> OpenInvite:
    """Make an open sign-up link unusable (its row goes); AccountError if it is unknown, used or expired."""
    when = now or now_utc()
    with sessions.begin() as s:
        row = s.execute(select(Invite, User.name).outerjoin(User, User.id == Invite.created_by)
                        .where(Invite.id == invite_id, *_open(when))).first()
        if row is None:
            raise AccountError(f"there is no open sign-up link {invite_id}: it was used, has expired or was "
                               "revoked already")
        inv, who = row
        revoked = OpenInvite(inv.id, inv.role, inv.group_name, _utc(inv.created_at), _utc(inv.expires_at), who)
        s.delete(inv)
    return revoked


def invite_info(*, sessions: SessionFactory, token: str, now: datetime | None = None) -> InviteView | None:
    """What an invitation grants, or None if it is unknown, used or expired."""
    with sessions.begin() as s:
        inv = _open_invite(s, token, now or now_utc())
        return InviteView(inv.role, inv.group_name, _utc(inv.expires_at)) if inv else None


def sign_up(*, sessions: SessionFactory, token: str, name: str, password: str, now: datetime | None = None) -> int:
    """Use an invitation: a new account with the invitation's role and group. Returns the user id."""
    name = check_name(name)
    pw_hash = hash_password(check_password(password))
    when = now or now_utc()
    used = AccountError("this invitation link is unknown, used or expired: ask for a new one")
    with sessions.begin() as s:
        inv = _open_invite(s, token, when)
        if inv is None:
            raise used
        # Take the link first, compare-and-set: of two sign-ups (or a sign-up and a revoke) racing on
        # one link, exactly one goes through, and the other gets the message above, not an error.
        taken = s.execute(update(Invite).where(Invite.id == inv.id, *_open(when)).values(used_at=when)
                          .execution_options(synchronize_session=False))
        if getattr(taken, "rowcount", 0) != 1:
            raise used
        role, group, invite_id = inv.role, inv.group_name, inv.id
        uid = _add(s, name, pw_hash, role, group, when)
        s.execute(update(Invite).where(Invite.id == invite_id).values(used_by=uid)
                  .execution_options(synchronize_session=False))
        return uid


# ---------------------------------------------------------------- logins


def authenticate(*, sessions: SessionFactory, name: str, password: str, now: datetime | None = None) -> int | None:
    """The user id if the name and password match an enabled account, else None."""
    when = now or now_utc()
    with sessions.begin() as s:
        row = s.execute(select(User, Account).join(Account, Account.user_id == User.id)
                        .where(User.name == name.strip().lower())).first()
        if row is None or len(password) > MAX_PASSWORD:
            _verify(_DUMMY, password[:MAX_PASSWORD])
            return None
        user, acc = row
        if not _verify(acc.password_hash, password) or acc.disabled:
            return None
        if _hasher.check_needs_rehash(acc.password_hash):
            acc.password_hash = hash_password(password)
        acc.last_login_at = when
        return user.id


def _verify(pw_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(pw_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def start_session(*, sessions: SessionFactory, user_id: int, session: str, now: datetime | None = None) -> None:
    """Bind a browser session id to the user (signed in until logout or SESSION_DAYS)."""
    when = now or now_utc()
    with sessions.begin() as s:
        s.execute(delete(LoginSession).where(LoginSession.expires_at <= when))
        s.add(LoginSession(token_hash=digest(session), user_id=user_id, created_at=when,
                           expires_at=when + timedelta(days=SESSION_DAYS)))


def end_session(*, sessions: SessionFactory, session: str) -> None:
    with sessions.begin() as s:
        s.execute(delete(LoginSession).where(LoginSession.token_hash == digest(session)))
    _changed()


def session_user(*, sessions: SessionFactory, session: str | None, now: datetime | None = None) -> CurrentUser | None:
    """Who a browser session id is signed in as (None: nobody, an expired login or a disabled account)."""
    if not session:
        return None
    when = now or now_utc()
    with sessions.begin() as s:
        row = s.execute(select(User.id, User.name, Account.role, Account.group_name, Account.disabled,
                               LoginSession.expires_at)  # columns, not objects: this runs on every request
                        .join(Account, Account.user_id == User.id)
                        .join(LoginSession, LoginSession.user_id == User.id)
                        .where(LoginSession.token_hash == digest(session))).first()
        if row is None:
            return None
        uid, name, role, group, disabled, expires = row
        if disabled or _utc(expires) <= when:
            return None
        return CurrentUser(uid, name, role, group)


def get_user(*, sessions: SessionFactory, user_id: int) -> CurrentUser | None:
    with sessions.begin() as s:
        row = s.execute(select(User, Account).join(Account, Account.user_id == User.id)
                        .where(User.id == user_id)).first()
        return CurrentUser(row[0].id, row[0].name, row[1].role, row[1].group_name) if row else None


class Throttle:
    """At most ``limit`` failed logins per key (a name, an address) in ``window`` seconds, in memory."""

    def __init__(self, limit: int = 5, window: float = 300.0) -> None:
        self.limit, self.window = limit, window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(k, now)) >= self.limit for k in keys)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._fails) > 10_000:
                self._fails.clear()  # a flood of names: forget rather than grow without bound
            for k in keys:
                self._recent(k, now).append(now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._fails.pop(key, None)
