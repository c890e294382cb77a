"""`rounds users add|invite|list|set|delete`: accounts of a cohort server, through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rounds.cli.app import app
from rounds.config import Settings
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


def _with_rows(db: Database, settings: Settings, name: str, role: str = "learner") -> tuple[int, Path]:
    """A user with a story and a spoken take (its recording a file of the data folder)."""
    from rounds.services import deliveries, stories
    from rounds.storage import repositories as repo

    uid = accounts.add_user(sessions=db.sessions, name=name, password=PASSWORD, role=role, group="spring")
    with repo.acting_as(uid):
        st = stories.add_story(sessions=db.sessions, story=stories.StoryInput(title=f"{name}'s story", notes="n"))
        rec = deliveries.save_recording(settings.data_dir, b"\x1aE\xdf\xa3", "audio/webm")
        deliveries.add_delivery(sessions=db.sessions, prompt=deliveries.prompt_for("disagreed-with-manager"),
                                duration_s=42, story_id=st, recording=rec)
    accounts.start_session(sessions=db.sessions, user_id=uid, session=f"browser-of-{name}")
    return uid, deliveries.recordings_dir(settings.data_dir) / rec[0]


def _names(db: Database) -> set[str]:
    return {u.name for u in accounts.list_users(sessions=db.sessions)}


def test_delete_with_yes_removes_the_user_and_prints_what_went(db: Database, settings: Settings) -> None:
    accounts.add_user(sessions=db.sessions, name="ada", password=PASSWORD, role="admin")
    kim, kim_file = _with_rows(db, settings, "kim")
    _, lin_file = _with_rows(db, settings, "lin")
    out = _run("users", "delete", "kim", "--yes")
    assert out.exit_code == 0, out.output
    assert f"Deleted kim (user {kim}, learner in spring): removed" in out.output
    lines = {line.split(None, 1)[1]: int(line.split(None, 1)[0]) for line in out.output.splitlines()
             if line.startswith("  ")}
    assert lines == {"login sessions": 1, "takes": 1, "recordings (files)": 1, "stories": 1, "account": 1,
                     "user (with their settings)": 1}  # kinds the user had none of are not listed
    assert _names(db) == {"ada", "lin"}
    assert not kim_file.exists() and lin_file.is_file()
    assert accounts.session_user(sessions=db.sessions, session="browser-of-kim") is None
    assert accounts.session_user(sessions=db.sessions, session="browser-of-lin") is not None


def test_delete_asks_for_the_name_again(db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from rounds.cli import users

    _, kim_file = _with_rows(db, settings, "kim")
    monkeypatch.setattr(users, "_interactive", lambda: True)
    wrong = _run("users", "delete", "kim", stdin="lin\n")
    assert wrong.exit_code == 2, wrong.output
    assert "Deleting kim" in wrong.output and "1  takes" in wrong.output  # what would go, before the question
    assert "the name typed differs: nothing deleted" in wrong.output
    assert _run("users", "delete", "kim", stdin="\n").exit_code == 2  # just Enter: no
    assert "kim" in _names(db) and kim_file.is_file()
    right = _run("users", "delete", "kim", stdin="kim\n")
    assert right.exit_code == 0, right.output
    assert "Deleted kim" in right.output
    assert "kim" not in _names(db) and not kim_file.exists()


def test_delete_refusals_exit_2_and_delete_nothing(db: Database, settings: Settings) -> None:
    _, kim_file = _with_rows(db, settings, "kim")
    no_terminal = _run("users", "delete", "kim")  # the runner's stdin is no terminal
    assert no_terminal.exit_code == 2
    assert "needs a confirmation" in no_terminal.output and "--yes" in no_terminal.output
    unknown = _run("users", "delete", "kym", "--yes")
    assert unknown.exit_code == 2 and "there is no account 'kym'" in unknown.output
    local = _run("users", "delete", "local", "--yes")
    assert local.exit_code == 2 and "laptop's own user" in local.output
    accounts.add_user(sessions=db.sessions, name="ada", password=PASSWORD, role="admin")
    last = _run("users", "delete", "ada", "--yes")
    assert last.exit_code == 2 and "'ada' is the last admin" in last.output
    assert _names(db) == {"ada", "kim"} and kim_file.is_file()
    assert _run("users", "set", "kim", "--role", "admin").exit_code == 0
    assert _run("users", "delete", "ada", "--yes").exit_code == 0
    assert _names(db) == {"kim"}
