"""What an admin may change (services/accounts.py): the server always keeps an enabled admin, an
admin never disables their own account, and open sign-up links are listed and can be revoked. The
command line keeps the same rules."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app as cli
from rounds.domain.attempt import now_utc
from rounds.services import accounts
from rounds.services.errors import InvalidInput
from rounds.storage.db import Database

PASSWORD = "correct horse battery"


def _add(db: Database, name: str, role: str = "learner", group: str = "") -> int:
    return accounts.add_user(sessions=db.sessions, name=name, password=PASSWORD, role=role, group=group)


def _users(db: Database) -> dict[str, accounts.UserRow]:
    return {u.name: u for u in accounts.list_users(sessions=db.sessions)}


def _run(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=stdin, env={"COLUMNS": "200", "ROUNDS_ACCOUNTS": "1"})


def test_the_last_admin_is_neither_demoted_nor_disabled(db: Database) -> None:
    ada = _add(db, "ada", role="admin")
    _add(db, "old", role="admin")
    accounts.update_user(sessions=db.sessions, name="old", disabled=True)  # a disabled admin counts for nothing
    with pytest.raises(accounts.AccountError, match="'ada' is the last admin"):
        accounts.update_user(sessions=db.sessions, name="ada", role="coach")
    with pytest.raises(accounts.AccountError, match="'ada' is the last admin"):
        accounts.update_user(sessions=db.sessions, name="ada", disabled=True)
    with pytest.raises(accounts.AccountError, match="last admin"):  # in one change with others: none applies
        accounts.update_user(sessions=db.sessions, name="ada", role="learner", group="spring")
    before = _users(db)["ada"]
    assert (before.role, before.group, before.disabled) == ("admin", "", False)
    accounts.update_user(sessions=db.sessions, name="ada", group="staff", role="admin", by=ada)  # still an admin
    assert _users(db)["ada"].group == "staff"
    accounts.update_user(sessions=db.sessions, name="old", disabled=False)  # a second admin again:
    accounts.update_user(sessions=db.sessions, name="ada", role="coach", by=ada)  # ada may step down
    assert _users(db)["ada"].role == "coach"
    with pytest.raises(accounts.AccountError, match="'old' is the last admin"):
        accounts.update_user(sessions=db.sessions, name="old", disabled=True)


def test_an_admin_cannot_disable_their_own_account(db: Database) -> None:
    ada = _add(db, "ada", role="admin")
    _add(db, "bea", role="admin")
    with pytest.raises(accounts.AccountError, match="your own account"):
        accounts.update_user(sessions=db.sessions, name="ada", disabled=True, by=ada)
    assert not _users(db)["ada"].disabled
    accounts.update_user(sessions=db.sessions, name="ada", disabled=True)  # another admin (or the shell) can
    assert _users(db)["ada"].disabled


def test_bad_input_changes_nothing(db: Database) -> None:
    _add(db, "lea", group="spring")
    with pytest.raises(InvalidInput, match="group name"):
        accounts.update_user(sessions=db.sessions, name="lea", role="coach", group="!bad")
    with pytest.raises(InvalidInput, match="at least 10"):
        accounts.update_user(sessions=db.sessions, name="lea", group="autumn", password="short")
    with pytest.raises(accounts.AccountError, match="no account 'nobody'"):
        accounts.update_user(sessions=db.sessions, name="nobody", group="autumn")
    lea = _users(db)["lea"]
    assert (lea.role, lea.group) == ("learner", "spring")
    assert accounts.authenticate(sessions=db.sessions, name="lea", password=PASSWORD) == lea.id


def test_the_command_line_keeps_the_last_admin(db: Database) -> None:
    _add(db, "ada", role="admin")
    out = _run("users", "set", "ada", "--disable")
    assert out.exit_code == 2 and "last admin" in out.output
    out = _run("users", "set", "ada", "--role", "learner")
    assert out.exit_code == 2 and "last admin" in out.output
    assert _users(db)["ada"].role == "admin" and not _users(db)["ada"].disabled


def test_open_invitations_are_listed_and_can_be_revoked(db: Database) -> None:
    ada = _add(db, "ada", role="admin")
    now = now_utc()
    used = accounts.create_invite(sessions=db.sessions, role="learner", group="spring", created_by=ada)
    accounts.sign_up(sessions=db.sessions, token=used, name="kim", password=PASSWORD)
    accounts.create_invite(sessions=db.sessions, days=1, now=now - timedelta(days=2))  # expired
    coach = accounts.create_invite(sessions=db.sessions, role="coach", group="spring", days=3, created_by=ada)
    learner = accounts.create_invite(sessions=db.sessions, role="learner", group="autumn", days=14)

    listed = accounts.list_invites(sessions=db.sessions)
    assert [(i.role, i.group, i.created_by) for i in listed] == [("coach", "spring", "ada"),
                                                                 ("learner", "autumn", None)]
    assert listed[0].expires_at - listed[0].created_at == timedelta(days=3)

    gone = accounts.revoke_invite(sessions=db.sessions, invite_id=listed[0].id)
    assert (gone.role, gone.group) == ("coach", "spring")
    assert accounts.invite_info(sessions=db.sessions, token=coach) is None
    with pytest.raises(accounts.AccountError, match="unknown, used or expired"):
        accounts.sign_up(sessions=db.sessions, token=coach, name="cora", password=PASSWORD)
    assert [i.role for i in accounts.list_invites(sessions=db.sessions)] == ["learner"]
    with pytest.raises(accounts.AccountError, match="no open sign-up link"):
        accounts.revoke_invite(sessions=db.sessions, invite_id=listed[0].id)  # already revoked

    from sqlalchemy import select

    from rounds.storage.models_accounts import Invite

    with db.sessions() as s:
        spent = s.scalars(select(Invite.id).where(Invite.used_by.is_not(None))).one()
        expired = s.scalars(select(Invite.id).where(Invite.expires_at <= now)).one()
    for invite_id in (spent, expired, 0):
        with pytest.raises(accounts.AccountError, match="no open sign-up link"):
            accounts.revoke_invite(sessions=db.sessions, invite_id=invite_id)
    assert accounts.invite_info(sessions=db.sessions, token=learner) is not None  # the others still work


# SQLite starts every write transaction with BEGIN IMMEDIATE, so two sign-ups cannot interleave
# there; on PostgreSQL they can.
@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
@pytest.mark.parametrize("rival", ["sign-up", "revoke"])
def test_a_link_taken_while_a_sign_up_was_reading_it_is_refused_cleanly(db: Database, monkeypatch: pytest.MonkeyPatch,
                                                                        rival: str) -> None:
    """Two sign-ups on one link (or a sign-up and a revoke) at the same moment: one wins; the other
    gets the plain "used" message and makes no account."""
    token = accounts.create_invite(sessions=db.sessions, role="learner", group="g1")
    real = accounts._open_invite

    def then_someone_else(s: Any, tok: str, now: Any) -> Any:
        inv = real(s, tok, now)  # this sign-up has read the link as open...
        monkeypatch.setattr(accounts, "_open_invite", real)
        if rival == "sign-up":  # ...and another takes it before this one writes
            accounts.sign_up(sessions=db.sessions, token=token, name="first", password="correct horse battery")
        else:
            accounts.revoke_invite(sessions=db.sessions, invite_id=accounts.list_invites(sessions=db.sessions)[0].id)
        return inv

    monkeypatch.setattr(accounts, "_open_invite", then_someone_else)
    with pytest.raises(accounts.AccountError, match="unknown, used or expired"):
        accounts.sign_up(sessions=db.sessions, token=token, name="second", password="correct horse battery")
    names = set(_users(db))
    assert "second" not in names and ("first" in names) == (rival == "sign-up")
