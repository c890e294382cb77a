"""Deleting a user (`accounts.delete_user`, `rounds users delete`): every row and file of theirs goes,
in every table that holds a user's rows; everything of everyone else stays exactly as it was.

Which rows are a user's is read from the schema itself, not from the service: a table with a
``user_id``, or with a cascading foreign key to such a table (submissions -> attempts, results ->
submissions...). A new table of that kind fails these tests until the service deletes it
(accounts.OWNED) and `_everything` below gives both users a row in it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select

from rounds.config import Settings
from rounds.services import accounts, attempts, cohort, deliveries, projects, stories, submissions
from rounds.storage import repositories as repo
from rounds.storage.db import Database
from rounds.storage.models import Base, Result, User
from rounds.storage.models_accounts import Invite
from rounds.storage.models_codebase import CodebaseChatMessage

PASSWORD = "correct horse battery"


# ---------------------------------------------------------------- what the schema says a user owns


def _owned_tables() -> dict[str, tuple[str, str] | None]:
    """Every table holding a user's rows -> how to find its owner: None for users itself (its id),
    else (column, parent table): a ``user_id`` column (parent ``users``), or a cascading foreign key
    to a table already owned."""
    tables = Base.metadata.tables
    owned: dict[str, tuple[str, str] | None] = {"users": None}
    changed = True
    while changed:
        changed = False
        for name, t in tables.items():
            if name in owned:
                continue
            for fk in t.foreign_keys:
                parent = fk.column.table.name
                by_user = fk.parent.name == "user_id" and parent == "users"
                if by_user or (parent in owned and parent != "users" and fk.ondelete == "CASCADE"):
                    owned[name] = (fk.parent.name, parent)
                    changed = True
                    break
    return owned


def _pk(t: Table) -> str:
    (col,) = t.primary_key.columns
    return col.name


def _rows_of(db: Database, user_id: int) -> dict[str, set[Any]]:
    """The primary keys of the user's rows, per owned table, following the schema's foreign keys."""
    owned = _owned_tables()
    tables = Base.metadata.tables
    found: dict[str, set[Any]] = {}
    with db.sessions() as s:
        while len(found) < len(owned):
            for name, how in owned.items():
                if name in found or (how is not None and how[1] != "users" and how[1] not in found):
                    continue
                t = tables[name]
                if how is None:
                    cond = t.c.id == user_id
                elif how[1] == "users":
                    cond = t.c[how[0]] == user_id
                else:
                    cond = t.c[how[0]].in_(found[how[1]] or {-1})
                found[name] = set(s.scalars(select(t.c[_pk(t)]).where(cond)).all())
    return found


def _snapshot(db: Database) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every row of every table, by primary key (for tables without a single-column key, by position)."""
    out: dict[str, dict[Any, dict[str, Any]]] = {}
    with db.sessions() as s:
        for name, t in Base.metadata.tables.items():
            rows = [dict(r._mapping) for r in s.execute(select(t))]
            key = _pk(t) if len(t.primary_key.columns) == 1 else None
            out[name] = {(r[key] if key else i): r for i, r in enumerate(rows)}
    return out


def _user_refs() -> list[tuple[str, str]]:
    """(table, column) of every foreign key to users.id."""
    return [(t.name, fk.parent.name) for t in Base.metadata.tables.values() for fk in t.foreign_keys
            if fk.column.table.name == "users"]


# ---------------------------------------------------------------- a user with a row of every kind


def add(db: Database, name: str, role: str = "learner", group: str = "g1") -> int:
    return accounts.add_user(sessions=db.sessions, name=name, password=PASSWORD, role=role, group=group)


def _everything(db: Database, settings: Settings, user_id: int, problem_id: str) -> dict[str, Any]:
    """Rows of every kind for the user (through the services where they are quick, else the models)."""
    from rounds.content.cards import bank as card_bank
    from rounds.services import (
        card_practice,
        design_practice,
        loops,
        own_cards,
        talks,
        user_settings,
    )

    s = db.sessions
    with repo.acting_as(user_id):
        a = attempts.start_attempt(sessions=s, problem_id=problem_id, code="# mine\n")
        sub = submissions.create_submission(sessions=s, attempt_id=a.id, kind="run", code="# mine\n")
        with s.begin() as tx:  # a judged result and a message to the assistant, without a judge or a model
            tx.add(Result(submission_id=sub, verdict="WA", score=0, tests_passed=0, tests_total=1,
                          highest_level_passed=0, report={}))
            tx.add(CodebaseChatMessage(attempt_id=a.id, role="user", text="where is the bug?"))
        st = stories.add_story(sessions=s, story=stories.StoryInput(title="A story", notes="notes"))
        rec = deliveries.save_recording(settings.data_dir, b"\x1aE\xdf\xa3 fake webm", "audio/webm")
        d = deliveries.add_delivery(sessions=s, prompt=deliveries.prompt_for("disagreed-with-manager"),
                                    duration_s=60, transcript="what I said", story_id=st, recording=rec)
        p = projects.add_project(sessions=s, name="A project")
        projects.save_chapter(sessions=s, project_id=p, kind="design", body="how it began")
        talks.save_rehearsal(sessions=s, project_id=p, took=[30.0])
        ds = design_practice.start(sessions=s, prompt_id="feature-store")
        run = loops.start_run(sessions=s, template_id="phone-screen")
        screen = card_practice.start_screen(sessions=s, bank=card_bank(), decks=["activations"])
        card = own_cards.add_card(sessions=s, card=own_cards.CardInput(question="Q?", answer="A.", key_points=("p",)))
        card_practice.review(sessions=s, bank=own_cards.practice_bank(sessions=s, base=card_bank()), card_id=card,
                             seed=None, answer="A.", rating=3)
        cohort.set_shared(sessions=s, kind="story", ref_id=st, shared=True)
        cohort.set_shared(sessions=s, kind="delivery", ref_id=d, shared=True)
        user_settings.save_editor_settings(sessions=s, font_size=15, wrap=True, theme="dark")
    accounts.start_session(sessions=s, user_id=user_id, session=f"browser-of-{user_id}")
    return {"attempt": a.id, "submission": sub, "story": st, "delivery": d, "recording": rec[0], "project": p,
            "design": ds, "loop": run, "screen": screen, "card": card}


@pytest.fixture
def cohort_of_two(db: Database, settings: Settings, toy_bank: Any) -> dict[str, Any]:
    """adam (admin) invited ann; ann (a coach) invited bob and made a link no one used yet; coco
    coaches their group. ann and bob each have rows of every kind."""
    adam = add(db, "adam", role="admin", group="")
    coco = add(db, "coco", role="coach", group="g1")
    t1 = accounts.create_invite(sessions=db.sessions, role="coach", group="g1", created_by=adam)
    ann = accounts.sign_up(sessions=db.sessions, token=t1, name="ann", password=PASSWORD)
    t2 = accounts.create_invite(sessions=db.sessions, role="learner", group="g1", created_by=ann)
    bob = accounts.sign_up(sessions=db.sessions, token=t2, name="bob", password=PASSWORD)
    open_link = accounts.create_invite(sessions=db.sessions, role="learner", group="g1", created_by=ann)
    return {"adam": adam, "coco": coco, "ann": ann, "bob": bob, "open_link": open_link,
            "ann_rows": _everything(db, settings, ann, toy_bank.problem_id),
            "bob_rows": _everything(db, settings, bob, toy_bank.problem_id)}


# ---------------------------------------------------------------- the tests


def test_the_service_deletes_every_table_the_schema_says_a_user_owns() -> None:
    owned = set(_owned_tables())
    assert {"users", "attempts", "submissions", "results", "deliveries", "loop_rounds", "shares"} <= owned
    planned = [name for name, _ in accounts.OWNED]
    assert len(planned) == len(set(planned))
    assert owned - set(planned) == set(), "add these tables to accounts.OWNED (and rows of them to _everything)"
    assert set(planned) - owned == set()
    assert [t.name for t, _ in accounts.owned_rows(1)] == planned


def test_delete_removes_every_row_and_file_of_the_user_and_nothing_else(
        db: Database, settings: Settings, cohort_of_two: dict[str, Any]) -> None:
    c = cohort_of_two
    ann, bob = c["ann"], c["bob"]
    ann_rows, bob_rows = _rows_of(db, ann), _rows_of(db, bob)
    for table in _owned_tables():  # the fixture covers every kind, for both users
        assert ann_rows[table], f"ann has no row in {table}: make one in _everything"
        assert bob_rows[table], f"bob has no row in {table}: make one in _everything"
        assert not ann_rows[table] & bob_rows[table]
    before = _snapshot(db)
    folder = deliveries.recordings_dir(settings.data_dir)
    ann_file, bob_file = folder / c["ann_rows"]["recording"], folder / c["bob_rows"]["recording"]
    assert ann_file.is_file() and bob_file.is_file()

    preview = accounts.deletion_preview(sessions=db.sessions, data_dir=settings.data_dir, name="ann")
    assert _snapshot(db) == before and ann_file.is_file()  # a preview deletes nothing
    removal = accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name="ann")

    # What it says it removed is what ann had.
    assert removal.rows == {t: len(ids) for t, ids in ann_rows.items()}
    assert preview.rows == removal.rows
    assert removal.recordings == preview.recordings == 1
    assert (removal.name, removal.role, removal.group) == ("ann", "coach", "g1")
    labels = dict(removal.kinds())
    assert labels["attempts"] == len(ann_rows["attempts"]) and labels["recordings (files)"] == 1 and labels["takes"] == 1

    # None of ann's rows is left, in any table with a user_id or hanging off one...
    after = _snapshot(db)
    for table, ids in ann_rows.items():
        assert not ids & set(after[table]), f"ann's rows left in {table}"
    with db.sessions() as s:
        for t in Base.metadata.tables.values():
            if "user_id" in t.c:
                assert s.scalars(select(t.c.user_id).where(t.c.user_id == ann)).all() == [], t.name
        # ...and nothing anywhere points at ann any more.
        for table, col in _user_refs():
            t = Base.metadata.tables[table]
            assert s.scalars(select(t.c[col]).where(t.c[col] == ann)).all() == [], (table, col)
    assert not ann_file.exists()

    # Everything else is exactly as it was: bob's rows, the other users, the invitations but their ann.
    for table, rows in before.items():
        expected = {k: r for k, r in rows.items() if k not in ann_rows.get(table, set())}
        if table == "invites":
            for r in expected.values():
                r.update(created_by=None if r["created_by"] == ann else r["created_by"],
                         used_by=None if r["used_by"] == ann else r["used_by"])
        assert after[table] == expected, table
    assert bob_file.is_file()


def test_after_delete_the_user_is_gone_everywhere_and_others_carry_on(
        db: Database, settings: Settings, cohort_of_two: dict[str, Any]) -> None:
    from rounds.content.catalog import catalog

    c = cohort_of_two
    coach = accounts.get_user(sessions=db.sessions, user_id=c["coco"])
    assert coach is not None
    assert {r.name for r in cohort.learners(sessions=db.sessions, catalog=catalog(), coach=coach)} == {"bob"}
    c_ann = accounts.CurrentUser(c["ann"], "ann", "coach", "g1")
    assert {r.name for r in cohort.learners(sessions=db.sessions, catalog=catalog(), coach=c_ann)} == {"bob"}

    accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name="ann")

    assert "ann" not in {u.name for u in accounts.list_users(sessions=db.sessions)}
    assert accounts.get_user(sessions=db.sessions, user_id=c["ann"]) is None
    assert accounts.session_user(sessions=db.sessions, session=f"browser-of-{c['ann']}") is None
    assert accounts.authenticate(sessions=db.sessions, name="ann", password=PASSWORD) is None
    me = accounts.session_user(sessions=db.sessions, session=f"browser-of-{c['bob']}")
    assert me is not None and me.name == "bob"
    assert {r.name for r in cohort.learners(sessions=db.sessions, catalog=catalog(), coach=coach)} == {"bob"}
    # The link ann made and nobody used still signs someone up; the ones used keep who used them.
    inv = accounts.invite_info(sessions=db.sessions, token=c["open_link"])
    assert inv is not None and inv.role == "learner" and inv.group == "g1"
    kim = accounts.sign_up(sessions=db.sessions, token=c["open_link"], name="kim", password=PASSWORD)
    with db.sessions() as s:
        used = {i.used_by: i.created_by for i in s.scalars(select(Invite)).all()}
    assert used == {None: c["adam"], c["bob"]: None, kim: None}
    # The name is free again, for a new person with nothing of ann's.
    new = add(db, "ann")
    assert {t: ids for t, ids in _rows_of(db, new).items() if ids} == {"users": {new}, "accounts": {new}}
    with repo.acting_as(c["bob"]):
        assert len(stories.list_stories(sessions=db.sessions)) == 1


def test_refusals_delete_nothing(db: Database, settings: Settings) -> None:
    adam = add(db, "adam", role="admin", group="")
    add(db, "ann")
    before = _snapshot(db)

    def refused(name: str, match: str) -> None:
        with pytest.raises(accounts.AccountError, match=match):
            accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name=name)
        with pytest.raises(accounts.AccountError, match=match):
            accounts.deletion_preview(sessions=db.sessions, data_dir=settings.data_dir, name=name)
        assert _snapshot(db) == before

    refused("anne", "there is no account 'anne'")
    refused("local", "laptop's own user")
    refused(" LOCAL ", "laptop's own user")
    assert db.local_user_id in before["users"]
    refused("adam", "'adam' is the last admin")
    # A disabled admin is no admin to fall back on.
    add(db, "zed", role="admin", group="")
    accounts.update_user(sessions=db.sessions, name="zed", disabled=True)
    before = _snapshot(db)
    refused("adam", "last admin")
    # With another admin who can sign in, the first can go (a disabled admin, any time).
    accounts.update_user(sessions=db.sessions, name="zed", disabled=False)
    with pytest.raises(accounts.AccountError, match="no longer user"):
        accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name="adam", user_id=adam + 100)
    assert accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name=" Adam ",
                                user_id=adam).user_id == adam
    add(db, "yan", role="admin", group="")
    accounts.update_user(sessions=db.sessions, name="yan", disabled=True)
    accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name="yan")
    assert {u.name for u in accounts.list_users(sessions=db.sessions)} == {"ann", "zed"}


def test_a_recording_file_another_take_points_at_stays(db: Database, settings: Settings) -> None:
    """A file name is never shared today (each take gets a new one); if it ever is, the other take keeps it."""
    from sqlalchemy import update

    from rounds.storage.models_behavioral import Delivery

    ann, bob = add(db, "ann"), add(db, "bob")
    files = []
    for uid in (ann, bob):
        with repo.acting_as(uid):
            rec = deliveries.save_recording(settings.data_dir, b"\x1aE\xdf\xa3", "audio/webm")
            deliveries.add_delivery(sessions=db.sessions, prompt=deliveries.prompt_for("disagreed-with-manager"),
                                    duration_s=30, recording=rec)
            files.append(rec[0])
    with db.sessions.begin() as s:
        s.execute(update(Delivery).where(Delivery.user_id == bob).values(recording=files[0]))
    removal = accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name="ann")
    assert removal.recordings == 0 and removal.rows["deliveries"] == 1
    folder = deliveries.recordings_dir(settings.data_dir)
    assert (folder / files[0]).is_file() and (folder / files[1]).is_file()


def test_a_missing_recording_file_is_no_error(db: Database, settings: Settings) -> None:
    ann = add(db, "ann")
    with repo.acting_as(ann):
        rec = deliveries.save_recording(settings.data_dir, b"\x1aE\xdf\xa3", "audio/webm")
        deliveries.add_delivery(sessions=db.sessions, prompt=deliveries.prompt_for("disagreed-with-manager"),
                                duration_s=30, recording=rec)
    Path(deliveries.recordings_dir(settings.data_dir) / rec[0]).unlink()
    removal = accounts.delete_user(sessions=db.sessions, data_dir=settings.data_dir, name="ann")
    assert removal.recordings == 0 and removal.rows["deliveries"] == 1
    with db.sessions() as s:
        assert s.get(User, ann) is None
