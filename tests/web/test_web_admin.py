"""The admin's accounts page (/admin, accounts on): only an admin gets it (a coach or a learner 403,
nobody the sign-in page); each form changes what the service sees and says so; bad input gets a
specific message and changes nothing; the last admin stays one; sign-up links are made, listed once
and revoked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from test_web_accounts import PASSWORD, accounts_settings, add, app, db, sign_in  # noqa: F401  (fixtures)
from web_client import BASE, Browser, TestClient

from rounds.services import accounts
from rounds.storage.db import Database

NEW = "a brand new password"
REFUSED = "This page is for the server's admins: a learner or a coach cannot manage accounts."


@pytest.fixture
def people(db: Database) -> dict[str, int]:  # noqa: F811
    """An admin, a coach and a learner of g1, a learner of g2, a disabled learner, and one open invitation."""
    ids = {"adam": add(db, "adam", role="admin", group=""), "coco": add(db, "coco", role="coach", group="g1"),
           "lea": add(db, "lea", group="g1"), "olga": add(db, "olga", group="g2"), "dan": add(db, "dan", group="g2")}
    accounts.update_user(sessions=db.sessions, name="dan", disabled=True)
    accounts.create_invite(sessions=db.sessions, role="learner", group="g1", created_by=ids["adam"])
    return ids


@pytest.fixture
def admin(app: Any, people: dict[str, int]) -> Iterator[Browser]:  # noqa: F811
    yield from sign_in(app, "adam")


def _state(db: Database) -> tuple[Any, ...]:  # noqa: F811
    """Everything an admin route can change, read from the tables: accounts (with their password
    hashes), invitations and login sessions."""
    from sqlalchemy import select

    from rounds.storage.models_accounts import Account, Invite, LoginSession

    with db.sessions() as s:
        accs = s.execute(select(Account.user_id, Account.role, Account.group_name, Account.disabled,
                                Account.password_hash).order_by(Account.user_id)).all()
        invs = s.execute(select(Invite.id, Invite.role, Invite.group_name, Invite.expires_at, Invite.used_by)
                         .order_by(Invite.id)).all()
        logins = s.scalars(select(LoginSession.token_hash).order_by(LoginSession.token_hash)).all()
    return tuple(accs), tuple(invs), tuple(logins)


def _invite_id(db: Database) -> str:  # noqa: F811
    return str(accounts.list_invites(sessions=db.sessions)[0].id)


# Every admin route, with a form that would change something if it were let through.
ROUTES: list[tuple[str, str, dict[str, str]]] = [
    ("GET", "/admin", {}),
    ("POST", "/admin/users/role", {"name": "lea", "role": "admin"}),
    ("POST", "/admin/users/group", {"name": "lea", "group": "g9"}),
    ("POST", "/admin/users/disable", {"name": "lea"}),
    ("POST", "/admin/users/enable", {"name": "dan"}),
    ("POST", "/admin/users/password", {"name": "lea", "password": NEW, "again": NEW}),
    ("POST", "/admin/invites", {"role": "admin", "group": "g1", "days": "7"}),
    ("POST", "/admin/invites/revoke", {"invite": "{invite}"}),
]


def test_every_admin_route_is_in_the_table(app: Any) -> None:  # noqa: F811
    paths = {getattr(sub, "path", "") for r in app.routes
             for sub in getattr(getattr(r, "original_router", None), "routes", [r])}
    assert {p for p in paths if p.startswith("/admin")} == {p for _, p, _ in ROUTES}


@pytest.mark.parametrize("who", ["coco", "lea"])
def test_a_coach_or_a_learner_is_refused_everywhere(app: Any, db: Database, people: dict[str, int],  # noqa: F811
                                                    who: str) -> None:
    for b in sign_in(app, who):
        assert 'href="/admin"' not in b.get("/").text  # no link to it
        for method, path, form in ROUTES:
            before = _state(db)
            if method == "GET":
                r = b.get(path)
            else:
                r = b.post(path, {k: v.format(invite=_invite_id(db)) for k, v in form.items()}, htmx=False)
            assert r.status_code == 403, (path, r.status_code, r.text[:300])
            assert REFUSED in html.unescape(r.text), path
            assert _state(db) == before, path


def test_a_stranger_gets_the_sign_in_page_everywhere(app: Any, db: Database, people: dict[str, int]) -> None:  # noqa: F811
    client = TestClient(app, base_url=BASE)
    for method, path, form in ROUTES:
        before = _state(db)
        if method == "GET":
            r = client.get(path, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fadmin"
        else:
            filled = {k: v.format(invite=_invite_id(db)) for k, v in form.items()}
            r = client.post(path, data=filled, headers={"Origin": BASE}, follow_redirects=False)
            assert r.status_code == 401 and r.headers["hx-redirect"].startswith("/login"), path
        assert _state(db) == before, path


def test_a_form_without_its_csrf_token_changes_nothing(admin: Browser, db: Database) -> None:  # noqa: F811
    before = _state(db)
    r = admin.client.post("/admin/users/disable", data={"name": "lea"}, headers={"Origin": BASE})
    assert r.status_code == 403 and "security token" in r.text
    assert _state(db) == before


def test_the_table_lists_everyone_and_filters_by_group(admin: Browser, people: dict[str, int]) -> None:
    page = admin.get("/admin")
    assert page.status_code == 200 and 'id="nav-admin" aria-current="page"' in page.text
    rows = {m.group(1): m.group(2) for m in re.finditer(r'<tr id="user-\d+" data-name="([^"]+)">(.*?)</tr>',
                                                         page.text, re.S)}
    assert set(rows) == {"adam", "coco", "lea", "olga", "dan"}
    cells = {n: re.findall(r"^      <td[^>]*>(.*?)</td>$", row, re.M) for n, row in rows.items()}
    assert cells["coco"][1:4] == ["coach", "g1", "active"]
    assert cells["dan"][1:4] == ["learner", "g2", '<span class="pill">disabled</span>']
    assert cells["adam"][0].endswith("(you)</span>") and cells["adam"][2] == "-"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", cells["adam"][4])  # signed in just now
    assert cells["lea"][4] == "never"
    assert f'id="disable-{people["adam"]}"' not in page.text  # no button to disable oneself
    assert f'id="enable-{people["dan"]}"' in page.text

    g1 = admin.get("/admin?group=g1").text
    assert 'data-name="coco"' in g1 and 'data-name="lea"' in g1 and 'data-name="olga"' not in g1
    assert '<option value="g1" selected>' in g1 and "2 of 5 accounts" in g1
    alone = admin.get("/admin?group=-").text
    assert re.findall(r'data-name="([^"]+)"', alone) == ["adam"]
    assert 'id="no-users"' in admin.get("/admin?group=nobody-here").text


def test_the_nav_links_the_page_for_admins_only(app: Any, admin: Browser) -> None:  # noqa: F811
    assert 'href="/admin"' in admin.get("/").text
    for coach in sign_in(app, "coco"):
        assert 'href="/admin"' not in coach.get("/").text


def test_change_role_and_group(admin: Browser, db: Database) -> None:  # noqa: F811
    r = admin.post("/admin/users/role", {"name": "lea", "role": "coach", "show": "g1"}, htmx=False)
    assert r.status_code == 200 and "lea is now a coach." in r.text
    assert 'data-name="olga"' not in r.text  # the page keeps the filter it was showing
    r = admin.post("/admin/users/group", {"name": "lea", "group": " autumn 2027 "}, htmx=False)
    assert r.status_code == 200 and "lea is now in the group autumn 2027." in r.text
    lea = {u.name: u for u in accounts.list_users(sessions=db.sessions)}["lea"]
    assert (lea.role, lea.group) == ("coach", "autumn 2027")
    r = admin.post("/admin/users/group", {"name": "lea", "group": ""}, htmx=False)
    assert "lea is now in no group." in r.text
    assert {u.name: u for u in accounts.list_users(sessions=db.sessions)}["lea"].group == ""


def test_disable_signs_them_out_and_enable_lets_them_back(app: Any, admin: Browser, db: Database) -> None:  # noqa: F811
    for lea in sign_in(app, "lea"):
        r = admin.post("/admin/users/disable", {"name": "lea"}, htmx=False)
        assert r.status_code == 200 and "lea is disabled: signed out everywhere" in r.text
        assert {u.name: u for u in accounts.list_users(sessions=db.sessions)}["lea"].disabled
        assert lea.client.get("/history", follow_redirects=False).status_code == 303  # signed out at once
    assert accounts.authenticate(sessions=db.sessions, name="lea", password=PASSWORD) is None
    r = admin.post("/admin/users/enable", {"name": "lea"}, htmx=False)
    assert r.status_code == 200 and "lea is enabled" in r.text
    for lea in sign_in(app, "lea"):
        assert lea.get("/").status_code == 200


def test_set_a_new_password(app: Any, admin: Browser, db: Database) -> None:  # noqa: F811
    for lea in sign_in(app, "lea"):
        r = admin.post("/admin/users/password", {"name": "lea", "password": NEW, "again": NEW + "!"}, htmx=False)
        assert r.status_code == 400 and "The two passwords differ: lea's password is unchanged." in html.unescape(r.text)
        r = admin.post("/admin/users/password", {"name": "lea", "password": "short", "again": "short"}, htmx=False)
        assert r.status_code == 400 and "A password has at least 10 characters." in r.text
        assert lea.client.get("/history", follow_redirects=False).status_code == 200  # still signed in
        assert accounts.authenticate(sessions=db.sessions, name="lea", password=PASSWORD) is not None
        r = admin.post("/admin/users/password", {"name": "lea", "password": NEW, "again": NEW}, htmx=False)
        assert r.status_code == 200 and "lea has a new password and is signed out everywhere." in r.text
        assert lea.client.get("/history", follow_redirects=False).status_code == 303
    assert accounts.authenticate(sessions=db.sessions, name="lea", password=PASSWORD) is None
    assert accounts.authenticate(sessions=db.sessions, name="lea", password=NEW) is not None


# Bad input on each form, and the message that says why (the page answers 400 with it).
BAD: list[tuple[str, dict[str, str], str]] = [
    ("/admin/users/role", {"name": "nobody", "role": "coach"}, "There is no account 'nobody'."),
    ("/admin/users/role", {"name": "lea", "role": "boss"}, "The role is one of learner, coach, admin, not 'boss'."),
    ("/admin/users/group", {"name": "lea", "group": "!bad"}, "A group name is up to 80 letters"),
    ("/admin/users/group", {"name": "lea", "group": "g" * 81}, "A group name is up to 80 letters"),
    ("/admin/users/group", {"name": "nobody", "group": "g1"}, "There is no account 'nobody'."),
    ("/admin/users/disable", {"name": "nobody"}, "There is no account 'nobody'."),
    ("/admin/users/enable", {"name": "nobody"}, "There is no account 'nobody'."),
    ("/admin/users/password", {"name": "nobody", "password": NEW, "again": NEW}, "There is no account 'nobody'."),
    ("/admin/users/password", {"name": "lea", "password": "x" * 257, "again": "x" * 257}, "at most 256 characters"),
    ("/admin/invites", {"role": "coach", "group": "g1", "days": "0"}, "An invitation lasts 1 to 90 days. No link was made."),
    ("/admin/invites", {"role": "coach", "group": "g1", "days": "many"}, "An invitation lasts 1 to 90 days."),
    ("/admin/invites", {"role": "coach", "group": "g1", "days": "91"}, "An invitation lasts 1 to 90 days."),
    ("/admin/invites", {"role": "boss", "group": "g1", "days": "7"}, "The role is one of"),
    ("/admin/invites", {"role": "coach", "group": "#x", "days": "7"}, "A group name is up to 80 letters"),
    ("/admin/invites/revoke", {"invite": "999999"}, "There is no open sign-up link 999999"),
    ("/admin/invites/revoke", {"invite": "x"}, "There is no open sign-up link"),
]


def test_bad_input_says_why_and_changes_nothing(admin: Browser, db: Database) -> None:  # noqa: F811
    for path, form, message in BAD:
        before = _state(db)
        r = admin.post(path, form, htmx=False)
        assert r.status_code == 400, (path, form, r.status_code, r.text[:300])
        error = re.search(r'<p class="flash" role="alert" id="admin-error">(.*?)</p>', r.text, re.S)
        assert error and message in html.unescape(error.group(1)), (path, form, r.text[:2000])
        assert 'id="admin-note"' not in r.text and 'id="invite-link"' not in r.text
        assert _state(db) == before, (path, form)


def test_the_last_admin_stays_an_enabled_admin(app: Any, admin: Browser, db: Database,  # noqa: F811
                                               people: dict[str, int]) -> None:
    before = _state(db)
    r = admin.post("/admin/users/disable", {"name": "adam"}, htmx=False)
    assert r.status_code == 400 and "You cannot disable your own account" in r.text
    r = admin.post("/admin/users/role", {"name": "adam", "role": "coach"}, htmx=False)
    assert r.status_code == 400 and "'adam' is the last admin: make another user an admin first" in html.unescape(r.text)
    assert _state(db) == before
    r = admin.post("/admin/users/role", {"name": "coco", "role": "admin"}, htmx=False)
    assert r.status_code == 200 and "coco is now an admin." in r.text
    r = admin.post("/admin/users/role", {"name": "adam", "role": "coach"}, htmx=False)  # another admin now: allowed
    assert r.status_code == 200 and "You are a coach now" in r.text and 'href="/admin"' not in r.text
    assert admin.get("/admin").status_code == 403
    for coco in sign_in(app, "coco"):
        r = coco.post("/admin/users/disable", {"name": "coco"}, htmx=False)
        assert r.status_code == 400 and "your own account" in r.text
        r = coco.post("/admin/users/role", {"name": "coco", "role": "learner"}, htmx=False)
        assert r.status_code == 400 and "'coco' is the last admin" in html.unescape(r.text)
    roles = {u.name: u.role for u in accounts.list_users(sessions=db.sessions)}
    assert roles["adam"] == "coach" and roles["coco"] == "admin"


def test_make_an_invitation_the_link_shows_once(app: Any, admin: Browser, db: Database) -> None:  # noqa: F811
    r = admin.post("/admin/invites", {"role": "coach", "group": "g2", "days": "3"}, htmx=False)
    assert r.status_code == 200
    link = re.search(r'id="invite-link">([^<]+)<', r.text)
    assert link and link.group(1).startswith(BASE + "/signup/")
    assert "A sign-up link for one coach in g2" in r.text
    token = link.group(1).rsplit("/", 1)[1]
    inv = accounts.invite_info(sessions=db.sessions, token=token)
    assert inv is not None and (inv.role, inv.group) == ("coach", "g2")
    made = [i for i in accounts.list_invites(sessions=db.sessions) if i.group == "g2"]
    assert len(made) == 1 and made[0].created_by == "adam"
    assert made[0].expires_at - made[0].created_at == timedelta(days=3)
    again = admin.get("/admin").text
    assert token not in again and f'id="invite-{made[0].id}"' in again  # listed, the link never again
    for b in [Browser(TestClient(app, base_url=BASE))]:
        b.get(f"/signup/{token}")
        done = b.post(f"/signup/{token}", {"name": "cora", "password": PASSWORD, "again": PASSWORD}, htmx=False)
        assert 'id="signed-in-as">cora (coach)' in done.text
    assert f'id="invite-{made[0].id}"' not in admin.get("/admin").text  # used: no longer open


def test_revoke_an_invitation(app: Any, admin: Browser, db: Database) -> None:  # noqa: F811
    token = accounts.create_invite(sessions=db.sessions, role="admin", group="")
    [open_admin] = [i for i in accounts.list_invites(sessions=db.sessions) if i.role == "admin"]
    page = admin.get("/admin").text
    assert f'id="revoke-{open_admin.id}"' in page
    r = admin.post("/admin/invites/revoke", {"invite": str(open_admin.id)}, htmx=False)
    assert r.status_code == 200 and "The sign-up link for an admin is revoked: it no longer works." in r.text
    assert f'id="invite-{open_admin.id}"' not in r.text
    assert accounts.invite_info(sessions=db.sessions, token=token) is None
    assert Browser(TestClient(app, base_url=BASE)).get(f"/signup/{token}").status_code == 404
    r = admin.post("/admin/invites/revoke", {"invite": str(open_admin.id)}, htmx=False)
    assert r.status_code == 400 and "revoked already" in r.text
