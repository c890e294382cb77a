"""`rounds users add|invite|list|set`: accounts of a cohort server, through the CLI runner."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.services import accounts
from rounds.storage.db import Database

PASSWORD = "correct horse battery"


def _run(*args: str, stdin: str | None = None) -> Any:
    return CliRunner().invoke(app, list(args), input=stdin, env={"COLUMNS": "200", "ROUNDS_ACCOUNTS": "1"})


def test_add_list_and_sign_in(db: Database) -> None:
    added = _run("users", "add", "Ada", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "Added ada" in added.output
    prompted = _run("users", "add", "lin", "--role", "coach", "--group", "spring", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert prompted.exit_code == 0, prompted.output
    listed = _run("users", "list", "--json")
    rows = {r["name"]: r for r in json.loads(listed.output)}
    assert rows["ada"]["role"] == "admin" and rows["lin"]["group"] == "spring"
    assert "local" not in rows  # the laptop's user has no login
    assert accounts.authenticate(sessions=db.sessions, name="ada", password=PASSWORD) == rows["ada"]["id"]
    assert accounts.authenticate(sessions=db.sessions, name="ada", password="not the password") is None


def test_refusals_exit_2(db: Database) -> None:
    assert _run("users", "add", "ada", "--password-stdin", stdin="short\n").exit_code == 2
    assert _run("users", "add", "local", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 2
    assert _run("users", "add", "ada", "--role", "boss", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 2
    assert _run("users", "add", "ada", "--password-stdin", stdin=PASSWORD + "\n").exit_code == 0
    taken = _run("users", "add", "ada", "--password-stdin", stdin=PASSWORD + "\n")
    assert taken.exit_code == 2 and "taken" in taken.output
    differ = _run("users", "add", "bea", stdin=f"{PASSWORD}\nsomething else entirely\n")
    assert differ.exit_code == 2


def test_invite_prints_a_link_that_signs_up_once(db: Database) -> None:
    out = _run("users", "invite", "--role", "learner", "--group", "spring", "--base-url", "https://r.example.org/")
    assert out.exit_code == 0, out.output
    link = out.output.strip().splitlines()[-1]
    assert link.startswith("https://r.example.org/signup/")
    token = link.rsplit("/", 1)[1]
    inv = accounts.invite_info(sessions=db.sessions, token=token)
    assert inv is not None and inv.role == "learner" and inv.group == "spring"
    uid = accounts.sign_up(sessions=db.sessions, token=token, name="kim", password=PASSWORD)
    assert accounts.invite_info(sessions=db.sessions, token=token) is None
    try:
        accounts.sign_up(sessions=db.sessions, token=token, name="kim2", password=PASSWORD)
        raise AssertionError("an invitation works once")
    except accounts.AccountError:
        pass
    assert accounts.get_user(sessions=db.sessions, user_id=uid) == accounts.CurrentUser(uid, "kim", "learner", "spring")


def test_set_disables_and_moves_and_signs_out(db: Database) -> None:
    uid = accounts.add_user(sessions=db.sessions, name="kim", password=PASSWORD, group="spring")
    accounts.start_session(sessions=db.sessions, user_id=uid, session="browser-session")
    assert accounts.session_user(sessions=db.sessions, session="browser-session") is not None
    assert _run("users", "set", "kim", "--group", "autumn", "--role", "coach").exit_code == 0
    me = accounts.session_user(sessions=db.sessions, session="browser-session")
    assert me is not None and me.group == "autumn" and me.role == "coach"
    assert _run("users", "set", "kim", "--disable").exit_code == 0
    assert accounts.session_user(sessions=db.sessions, session="browser-session") is None
    assert accounts.authenticate(sessions=db.sessions, name="kim", password=PASSWORD) is None
    assert _run("users", "set", "kim", "--enable").exit_code == 0
    assert _run("users", "set", "kim", "--password-stdin", stdin="a brand new password\n").exit_code == 0
    assert accounts.authenticate(sessions=db.sessions, name="kim", password="a brand new password") == uid
    assert _run("users", "set", "nobody", "--disable").exit_code == 2
