"""Accounts (ROUNDS_ACCOUNTS=1): sign-up by invitation, sign-in, roles, and every user's rows
private to them: user B gets 404 on every route that takes an id of user A's, and B's lists never
show A's rows. A coach sees the scorecards of their group, never stories or recordings unless shared."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from web_client import BASE, Browser, TestClient

from rounds.config import Settings
from rounds.services import accounts, attempts, cohort, deliveries, projects, stories, submissions
from rounds.storage import repositories as repo
from rounds.storage.db import Database, database
from rounds.web.app import create_app

PASSWORD = "correct horse battery"
SECRET = "Zanzibar-secret-42"  # in each of A's rows that has text: it never shows to anyone else


@pytest.fixture
def accounts_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"accounts": True})


@pytest.fixture
def app(accounts_settings: Settings) -> Any:
    return create_app(accounts_settings)


@pytest.fixture
def db(accounts_settings: Settings) -> Database:
    return database(accounts_settings)


def _client(app: Any) -> Iterator[Browser]:
    """A browser of its own (cookies); several share the app, so none runs its lifespan (it would close
    the judging pool when it ends)."""
    yield Browser(TestClient(app, base_url=BASE))


@pytest.fixture
def anon(app: Any) -> Iterator[Browser]:
    yield from _client(app)


def sign_in(app: Any, name: str, password: str = PASSWORD) -> Iterator[Browser]:
    for b in _client(app):
        b.get("/login")
        r = b.post("/login", {"name": name, "password": password, "next": "/"}, htmx=False)
        assert r.status_code == 200 and f'id="signed-in-as">{name}' in r.text, r.text[:500]
        b.get("/")  # the page of the new session: its CSRF token
        yield b


def add(db: Database, name: str, role: str = "learner", group: str = "g1") -> int:
    return accounts.add_user(sessions=db.sessions, name=name, password=PASSWORD, role=role, group=group)


@pytest.fixture
def ann(app: Any, db: Database) -> Iterator[Browser]:
    add(db, "ann")
    yield from sign_in(app, "ann")


@pytest.fixture
def bob(app: Any, db: Database) -> Iterator[Browser]:
    add(db, "bob")
    yield from sign_in(app, "bob")


# ---------------------------------------------------------------- signing in


def test_laptop_default_asks_for_no_login(settings: Settings) -> None:
    app = create_app(settings)
    for b in _client(app):
        r = b.get("/")
        assert r.status_code == 200 and "Sign out" not in r.text
        assert b.client.get("/login").status_code == 404  # no accounts routes at all
        assert "samesite=strict" in r.headers.get("set-cookie", "").lower()


def test_anonymous_requests_go_to_the_login_page(anon: Browser) -> None:
    r = anon.client.get("/history?problem=x", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fhistory%3Fproblem%3Dx"
    r = anon.client.post("/p/algo/two-sum/code", data={"code": "x"}, headers={"Origin": BASE},
                         follow_redirects=False)
    assert r.status_code == 401 and r.headers["hx-redirect"].startswith("/login")
    assert anon.client.get("/healthz").status_code == 200
    assert anon.client.get("/login").status_code == 200
    assert anon.client.get("/static/favicon.svg").status_code == 200


def test_sign_up_by_invitation_then_sign_out(app: Any, db: Database) -> None:
    token = accounts.create_invite(sessions=db.sessions, role="learner", group="spring")
    for b in _client(app):
        page = b.get(f"/signup/{token}")
        assert page.status_code == 200 and "spring" in page.text
        bad = b.post(f"/signup/{token}", {"name": "cyd", "password": "short", "again": "short"}, htmx=False)
        assert bad.status_code == 400
        r = b.post(f"/signup/{token}", {"name": "cyd", "password": PASSWORD, "again": PASSWORD}, htmx=False)
        assert r.status_code == 200 and 'id="signed-in-as">cyd' in r.text
        cookie = r.history[0].headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        assert b.get(f"/signup/{token}").status_code == 404  # used once
        b.get("/")
        out = b.post("/logout", htmx=False)
        assert out.url.path == "/login"
        assert b.client.get("/history", follow_redirects=False).status_code == 303
    users = {u.name: u for u in accounts.list_users(sessions=db.sessions)}
    assert users["cyd"].role == "learner" and users["cyd"].group == "spring"


def test_wrong_password_is_refused_and_throttled(app: Any, db: Database) -> None:
    from rounds.web import accounts as web_accounts

    add(db, "dee")
    web_accounts.throttle._fails.clear()
    web_accounts.addr_throttle._fails.clear()
    for b in _client(app):
        b.get("/login")
        for _ in range(accounts.Throttle().limit):
            r = b.post("/login", {"name": "dee", "password": "wrong password!"}, htmx=False)
            assert r.status_code == 401 and "wrong" in r.text
        r = b.post("/login", {"name": "dee", "password": PASSWORD}, htmx=False)
        assert r.status_code == 429
    web_accounts.throttle._fails.clear()
    web_accounts.addr_throttle._fails.clear()
    for b in sign_in(app, "dee"):
        assert b.get("/").status_code == 200


def test_a_disabled_account_is_signed_out(app: Any, db: Database, ann: Browser) -> None:
    accounts.update_user(sessions=db.sessions, name="ann", disabled=True)
    assert ann.client.get("/history", follow_redirects=False).status_code == 303
    for b in _client(app):
        b.get("/login")
        assert b.post("/login", {"name": "ann", "password": PASSWORD}, htmx=False).status_code == 401


def test_a_sign_out_made_by_another_process_applies_within_seconds(accounts_settings: Settings, db: Database,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The web process remembers a session briefly (a waiting page asks several times a second); a
    change another process made to the login sessions shows once that moment has passed."""
    import time

    from sqlalchemy import delete

    from rounds.storage.models_accounts import LoginSession

    monkeypatch.setattr(accounts, "SIGNED_IN_CACHE_S", 0.5)
    app = create_app(accounts_settings)
    add(db, "gus")
    for b in sign_in(app, "gus"):
        with db.sessions.begin() as s:  # as `rounds users` in another process would: not through this app
            s.execute(delete(LoginSession))
        assert b.client.get("/history", follow_redirects=False).status_code == 200  # remembered
        time.sleep(0.6)
        assert b.client.get("/history", follow_redirects=False).status_code == 303  # asked again: signed out


def test_next_never_leaves_the_site(app: Any, db: Database) -> None:
    add(db, "eve")
    for b in _client(app):
        b.get("/login")
        r = b.post("/login", {"name": "eve", "password": PASSWORD, "next": "//evil.example/x"}, htmx=False,
                   follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"


def test_an_invitation_token_is_stored_hashed(db: Database) -> None:
    from sqlalchemy import select

    from rounds.storage.models_accounts import Invite

    token = accounts.create_invite(sessions=db.sessions)
    with db.sessions() as s:
        assert s.scalars(select(Invite.token_hash)).all() == [accounts.digest(token)]


# ---------------------------------------------------------------- two users: every route


@dataclass
class Rows:
    attempt: int
    submission: int
    story: int
    delivery: int
    project: int
    design: int
    loop: int
    screen: int
    card: str
    talk: int


def _make_rows(db: Database, settings: Settings, user_id: int, problem_id: str) -> Rows:
    from rounds.content.cards import bank as card_bank
    from rounds.services import card_practice, design_practice, loops, own_cards, talks

    s = db.sessions
    with repo.acting_as(user_id):
        a = attempts.start_attempt(sessions=s, problem_id=problem_id, code=f"# {SECRET}\n")
        sub = submissions.create_submission(sessions=s, attempt_id=a.id, kind="run", code=f"# {SECRET}\n")
        st = stories.add_story(sessions=s, story=stories.StoryInput(title=f"Story {SECRET}", notes=SECRET))
        rec = deliveries.save_recording(settings.data_dir, b"\x1aE\xdf\xa3 fake webm", "audio/webm")
        d = deliveries.add_delivery(sessions=s, prompt=deliveries.prompt_for("disagreed-with-manager"),
                                    duration_s=60, transcript=SECRET, story_id=st, recording=rec)
        p = projects.add_project(sessions=s, name=f"Project {SECRET}")
        ds = design_practice.start(sessions=s, prompt_id="feature-store")
        design_practice.save_notes(sessions=s, session_id=ds, phase=design_practice.view(sessions=s, session_id=ds).phase,
                                   text=SECRET)
        lr = loops.start_run(sessions=s, template_id="phone-screen")
        sc = card_practice.start_screen(sessions=s, bank=card_bank(), decks=["activations"])
        card = own_cards.add_card(sessions=s, card=own_cards.CardInput(question=f"Q {SECRET}?", answer="A.",
                                                                       key_points=("p",)))
        talk = talks.save_rehearsal(sessions=s, project_id=p, took=[60.0, 90.0])
    return Rows(a.id, sub, st, d, p, ds, lr, sc, card.removeprefix("mine/"), talk)


# Every route that takes an id (in its path, or an attempt in its form or query): the request user
# B sends with user A's id. Each must answer 404 (or refuse: 4xx) and leave A's rows as they were.
ID_ROUTES: list[tuple[str, str, dict[str, str]]] = [
    ("GET", "/history/{submission}", {}),
    ("GET", "/p/{problem}?attempt={attempt}", {}),
    ("POST", "/p/{problem}/reset", {"attempt": "{attempt}"}),
    ("POST", "/p/{problem}/hint", {"attempt": "{attempt}"}),
    ("POST", "/p/{problem}/editorial", {"attempt": "{attempt}"}),
    ("POST", "/p/{problem}/code", {"attempt": "{attempt}", "code": "stolen = 1\n"}),
    ("POST", "/p/{problem}/run", {"attempt": "{attempt}", "code": "stolen = 1\n"}),
    ("POST", "/p/{problem}/submit", {"attempt": "{attempt}", "code": "stolen = 1\n"}),
    ("GET", "/cards/screen/{screen}", {}),
    ("POST", "/cards/screen/{screen}/answer", {"answer": "x", "index": "0"}),
    ("POST", "/cards/screen/{screen}/grade", {}),
    ("POST", "/cards/screen/{screen}/stop", {}),
    ("GET", "/cards/mine/{card}", {}),
    ("POST", "/cards/mine/{card}", {"question": "Stolen?", "answer": "x", "key_points": "p"}),
    ("POST", "/cards/mine/{card}/delete", {}),
    ("GET", "/stories/{story}", {}),
    ("POST", "/stories/{story}", {"title": "stolen", "notes": "x"}),
    ("POST", "/stories/{story}/delete", {}),
    ("GET", "/stories/{story}/markdown", {}),
    ("GET", "/behavioral/deliveries/{delivery}", {}),
    ("POST", "/behavioral/deliveries/{delivery}/checks", {"checks": "0"}),
    ("POST", "/behavioral/deliveries/{delivery}/transcript", {"transcript": "stolen"}),
    ("GET", "/behavioral/deliveries/{delivery}/recording", {}),
    ("POST", "/behavioral/deliveries/{delivery}/recording/delete", {}),
    ("POST", "/behavioral/deliveries/{delivery}/delete", {}),
    ("GET", "/projects/{project}", {}),
    ("POST", "/projects/{project}", {"name": "stolen"}),
    ("POST", "/projects/{project}/delete", {}),
    ("GET", "/projects/{project}/drill", {}),
    ("GET", "/projects/{project}/talk", {}),
    ("POST", "/projects/{project}/talk", {"minutes": "30"}),
    ("POST", "/projects/{project}/talk/rebuild", {}),
    ("GET", "/projects/{project}/talk.pptx", {}),
    ("GET", "/projects/{project}/talk.md", {}),
    ("GET", "/projects/{project}/rehearse", {}),
    ("GET", "/talks/{talk}", {}),
    ("POST", "/talks/{talk}/assess", {"checks": "time-kept"}),
    ("POST", "/talks/{talk}/delete", {}),
    ("GET", "/design/sessions/{design}", {}),
    ("POST", "/design/sessions/{design}/notes", {"phase": "requirements", "text": "stolen"}),
    ("POST", "/design/sessions/{design}/diagram", {"diagram": "stolen"}),
    ("POST", "/design/sessions/{design}/ask", {"question": "stolen?"}),
    ("POST", "/design/sessions/{design}/next", {}),
    ("POST", "/design/sessions/{design}/finish", {}),
    ("POST", "/design/sessions/{design}/interviewer", {"reply": "x"}),
    ("POST", "/design/sessions/{design}/grade", {}),
    ("POST", "/design/sessions/{design}/marks", {}),
    ("GET", "/loops/{loop}", {}),
    ("POST", "/loops/{loop}/next", {}),
    ("POST", "/loops/{loop}/finish", {}),
    ("POST", "/loops/{loop}/skip", {}),
    ("POST", "/loops/{loop}/abandon", {}),
    ("GET", "/loops/{loop}/scorecard", {}),
    ("GET", "/loops/{loop}/report.html", {}),
    ("POST", "/share/{kind}/{story}", {"shared": "yes"}),
    ("POST", "/share/delivery/{delivery}", {"shared": "yes"}),
]

# Routes with a path parameter that is no user's row (a catalog or bank entry, a sign-up token),
# or that answer for whoever asks only what is theirs (a job: its own board, checked separately).
NOT_OWNED = {
    "/p/{track}/{slug}", "/p/{track}/{slug}/start", "/p/{track}/{slug}/stubs", "/p/codebase/{slug}",
    "/p/codebase/{slug}/files", "/p/codebase/{slug}/run", "/p/codebase/{slug}/submit",
    "/p/codebase/{slug}/assistant", "/design/{kind}/{slug}", "/design/{kind}/{slug}/start",
    "/signup/{token}", "/jobs/{job_id}",
    "/coach/learners/{learner_id}", "/coach/learners/{learner_id}/stories/{story_id}",
    "/coach/learners/{learner_id}/deliveries/{delivery_id}",
    "/coach/learners/{learner_id}/deliveries/{delivery_id}/recording",
}


def _norm(path: str) -> str:
    return re.sub(r"\{[a-z_]+\}", "{}", path.split("?")[0].replace("{track}/{slug}", "{problem}"))


def test_every_route_with_an_id_is_in_the_two_user_table(app: Any) -> None:
    routes = set()
    for r in app.routes:
        for sub in getattr(getattr(r, "original_router", None), "routes", [r]):
            path = getattr(sub, "path", "")
            if "{" in path and not path.startswith("/static"):
                routes.add(_norm(path))
    covered = {_norm(p) for _, p, _ in ID_ROUTES} | {_norm(p) for p in NOT_OWNED}
    covered |= {"/share/{}/{}"}
    assert routes - covered == set(), "add these routes to ID_ROUTES (user B must get 404 for A's ids)"


@pytest.fixture
def two(app: Any, db: Database, accounts_settings: Settings, toy_bank: Any) -> Iterator[tuple[Rows, Browser]]:
    a_id = add(db, "ann")
    add(db, "bob")
    rows = _make_rows(db, accounts_settings, a_id, toy_bank.problem_id)
    for b in sign_in(app, "bob"):
        yield rows, b


def _fill(text: str, rows: Rows, problem: str) -> str:
    return text.format(problem=problem, kind="story", **rows.__dict__)


@pytest.mark.parametrize(("method", "path", "form"), ID_ROUTES, ids=[f"{m} {p}" for m, p, _ in ID_ROUTES])
def test_user_b_gets_404_for_user_a_rows(two: tuple[Rows, Browser], db: Database, accounts_settings: Settings,
                                         toy_bank: Any, method: str, path: str, form: dict[str, str]) -> None:
    rows, bob = two
    url = _fill(path, rows, toy_bank.problem_id)
    if method == "GET":
        r = bob.client.get(url, follow_redirects=False)
    else:
        r = bob.post(url, {k: _fill(v, rows, toy_bank.problem_id) for k, v in form.items()}, htmx=False,
                     follow_redirects=False)
    assert SECRET not in r.text
    if "/p/" in path:  # the problem page: A's attempt is refused (404, 400/409, or a refusal fragment)
        assert r.status_code in (400, 404, 409) or "there is no attempt" in r.text, (r.status_code, r.text[:300])
    else:
        assert r.status_code == 404, (r.status_code, r.text[:300])
    _a_rows_unchanged(db, accounts_settings, rows)


def _a_rows_unchanged(db: Database, settings: Settings, rows: Rows) -> None:
    from sqlalchemy import func, select

    from rounds.storage.models import Attempt, AttemptEvent, CardSession, Submission, UserCard
    from rounds.storage.models_accounts import Share
    from rounds.storage.models_behavioral import Delivery, Project, Story, TalkRehearsal
    from rounds.storage.models_design import DesignSession
    from rounds.storage.models_loop import LoopRun

    with db.sessions() as s:
        a = s.get(Attempt, rows.attempt)
        assert a is not None and SECRET in a.code and a.status == "active"
        assert s.scalar(select(func.count()).select_from(AttemptEvent).where(AttemptEvent.attempt_id == a.id)) == 3
        assert s.scalar(select(func.count()).select_from(Submission).where(Submission.attempt_id == a.id)) == 1
        st = s.get(Story, rows.story)
        assert st is not None and SECRET in st.title
        d = s.get(Delivery, rows.delivery)
        assert d is not None and d.transcript == SECRET and d.recording and not d.checks
        assert (deliveries.recordings_dir(settings.data_dir) / d.recording).exists()
        pr = s.get(Project, rows.project)
        assert pr is not None and SECRET in pr.name
        ds = s.get(DesignSession, rows.design)
        assert ds is not None and ds.finished_at is None and SECRET in str(ds.notes)
        lr = s.get(LoopRun, rows.loop)
        assert lr is not None and lr.status == "active"
        cs = s.get(CardSession, rows.screen)
        assert cs is not None and cs.finished_at is None
        assert s.scalar(select(func.count()).select_from(UserCard).where(UserCard.slug == rows.card)) == 1
        assert s.scalar(select(func.count()).select_from(Share)) == 0
        tr = s.get(TalkRehearsal, rows.talk)
        assert tr is not None and tr.assessed_at is None


LISTS = ["/", "/history", "/progress", "/catalog", "/cards", "/cards/mine", "/cards/progress", "/stories",
         "/behavioral", "/behavioral/practice", "/behavioral/data", "/behavioral/data/export", "/projects", "/design",
         "/loops", "/review", "/stories/coach"]


@pytest.mark.parametrize("path", LISTS)
def test_user_b_lists_never_show_user_a_rows(two: tuple[Rows, Browser], path: str) -> None:
    rows, bob = two
    r = bob.get(path)
    assert r.status_code == 200, r.text[:300]
    assert SECRET not in r.text and SECRET.lower() not in r.text
    links = [f"/history/{rows.submission}\"", f"attempt={rows.attempt}\"", f"/stories/{rows.story}\"",
             f"/behavioral/deliveries/{rows.delivery}\"", f"/projects/{rows.project}\"",
             f"/design/sessions/{rows.design}\"", f"/loops/{rows.loop}\"", f"/cards/screen/{rows.screen}\""]
    assert [x for x in links if x in r.text] == []


def test_user_a_still_sees_their_own_rows(app: Any, two: tuple[Rows, Browser], toy_bank: Any) -> None:
    rows, _ = two
    for ann in sign_in(app, "ann"):
        assert SECRET in ann.get(f"/history/{rows.submission}").text
        assert SECRET in ann.get(f"/stories/{rows.story}").text
        assert SECRET in ann.get(f"/p/{toy_bank.problem_id}?attempt={rows.attempt}").text
        assert ann.get(f"/behavioral/deliveries/{rows.delivery}/recording").status_code == 200
        assert f'href="/history/{rows.submission}"' in ann.get("/history").text


def test_a_judging_job_shows_to_its_owner_only(app: Any, db: Database, toy_bank: Any) -> None:
    add(db, "ann")
    add(db, "bob")
    for ann in sign_in(app, "ann"):
        page = ann.post(f"/p/{toy_bank.problem_id}/run", {"code": toy_bank.level1})
        job = re.search(r'hx-get="(/jobs/[^"]+)"', page.text)
        assert job, page.text[:500]
        ann.wait_job(page.text)
        for bob in sign_in(app, "bob"):
            assert bob.client.get(job.group(1)).status_code == 404
        assert ann.client.get(job.group(1)).status_code == 200


# ---------------------------------------------------------------- coaches


@pytest.fixture
def cohort_rows(db: Database, accounts_settings: Settings, toy_bank: Any) -> dict[str, Any]:
    ann = add(db, "ann", group="g1")
    other = add(db, "olga", group="g2")
    add(db, "coco", role="coach", group="g1")
    add(db, "adam", role="admin", group="")
    rows = _make_rows(db, accounts_settings, ann, toy_bank.problem_id)
    with repo.acting_as(ann):
        attempts.start_attempt(sessions=db.sessions, problem_id=toy_bank.problem_id, mode="full")
    return {"ann": ann, "olga": other, "rows": rows}


def test_a_coach_sees_group_scorecards_but_not_stories(app: Any, cohort_rows: dict[str, Any], toy_bank: Any) -> None:
    ann, olga, rows = cohort_rows["ann"], cohort_rows["olga"], cohort_rows["rows"]
    for coach in sign_in(app, "coco"):
        page = coach.get("/coach")
        assert page.status_code == 200 and "ann" in page.text and "olga" not in page.text
        card = coach.get(f"/coach/learners/{ann}")
        assert card.status_code == 200 and "Toy ledger" in card.text and "OOP" in card.text.upper()
        assert SECRET not in card.text  # no code, no story, no transcript
        assert coach.get(f"/coach/learners/{olga}").status_code == 404  # another group
        assert coach.get(f"/coach/learners/{ann}/stories/{rows.story}").status_code == 404  # not shared
        assert coach.get(f"/coach/learners/{ann}/deliveries/{rows.delivery}/recording").status_code == 404
        assert coach.get(f"/stories/{rows.story}").status_code == 404  # the learner's own pages stay theirs
        assert coach.get(f"/history/{rows.submission}").status_code == 404


def test_a_coach_sees_a_learners_mock_loop_scorecard_and_no_answers(app: Any, db: Database,
                                                                   cohort_rows: dict[str, Any]) -> None:
    from rounds.services import loops

    ann, rows = cohort_rows["ann"], cohort_rows["rows"]
    with repo.acting_as(ann):  # the first round skipped; the second played, with nothing done, and ended
        loops.skip_round(sessions=db.sessions, run_id=rows.loop)
        loops.start_round(sessions=db.sessions, run_id=rows.loop)
        loops.finish_round(sessions=db.sessions, run_id=rows.loop)
        v = loops.view(sessions=db.sessions, run_id=rows.loop)
    played = v.rounds[1]
    assert played.ended and played.result.estimate is not None
    for coach in sign_in(app, "coco"):
        listing = coach.get("/coach")
        head = re.search(r"<thead>(.*?)</thead>", listing.text, re.S)
        row = re.search(rf'<a href="/coach/learners/{ann}">ann</a>.*?</tr>', listing.text, re.S)
        assert head and row
        column = re.findall(r"<th[^>]*>(.*?)</th>", head.group(1)).index("Mock loops")
        assert re.findall(r"<td[^>]*>(.*?)</td>", "<td>" + row.group(0), re.S)[column] == "1"
        card = coach.get(f"/coach/learners/{ann}").text
        section = card.split('id="loops-title"')[1].split("</section>")[0]
        assert v.title in section and played.title in section
        assert played.result.estimate.label in section  # the round's hire/no estimate...
        assert played.result.estimate.evidence[0].replace("'", "&#39;") in section  # ...with its evidence
        assert SECRET not in card


def test_sharing_a_story_and_a_take_shows_them_to_the_coach(app: Any, cohort_rows: dict[str, Any]) -> None:
    ann_id, rows = cohort_rows["ann"], cohort_rows["rows"]
    for ann in sign_in(app, "ann"):
        page = ann.get(f"/stories/{rows.story}")
        assert "Share with my coach" in page.text
        r = ann.post(f"/share/story/{rows.story}", {"shared": "yes"}, htmx=False)
        assert r.status_code == 200 and "Shared with your coach." in r.text
        ann.get(f"/behavioral/deliveries/{rows.delivery}")
        ann.post(f"/share/delivery/{rows.delivery}", {"shared": "yes"}, htmx=False)
    for coach in sign_in(app, "coco"):
        card = coach.get(f"/coach/learners/{ann_id}")
        assert f"/coach/learners/{ann_id}/stories/{rows.story}" in card.text
        story = coach.get(f"/coach/learners/{ann_id}/stories/{rows.story}")
        assert story.status_code == 200 and SECRET in story.text
        take = coach.get(f"/coach/learners/{ann_id}/deliveries/{rows.delivery}")
        assert take.status_code == 200 and SECRET in take.text
        assert coach.get(f"/coach/learners/{ann_id}/deliveries/{rows.delivery}/recording").status_code == 200
        assert coach.get(f"/coach/learners/{ann_id}/stories/{rows.story + 1000}").status_code == 404
    for olga in sign_in(app, "olga"):  # a learner is no coach, shared or not
        assert olga.get("/coach").status_code == 404
        assert olga.get(f"/coach/learners/{ann_id}/stories/{rows.story}").status_code == 404
    for ann in sign_in(app, "ann"):
        ann.get(f"/stories/{rows.story}")
        ann.post(f"/share/story/{rows.story}", {"shared": "no"}, htmx=False)
    for coach in sign_in(app, "coco"):
        assert coach.get(f"/coach/learners/{ann_id}/stories/{rows.story}").status_code == 404


def test_an_admin_sees_every_group_and_invites(app: Any, cohort_rows: dict[str, Any]) -> None:
    for admin in sign_in(app, "adam"):
        page = admin.get("/coach")
        assert "ann" in page.text and "olga" in page.text
        r = admin.post("/coach/invites", {"role": "coach", "group": "g2"}, htmx=False)
        link = re.search(r'id="invite-link">([^<]+)<', r.text)
        assert link and "/signup/" in link.group(1)
    for coach in sign_in(app, "coco"):  # a coach invites learners to their own group only
        r = coach.post("/coach/invites", {"role": "admin", "group": "g2"}, htmx=False)
        assert "one learner in g1" in r.text


def test_cohort_service_refuses_a_coach_without_a_group(db: Database) -> None:
    from rounds.content.catalog import catalog

    add(db, "lone", role="coach", group="")
    add(db, "lea", group="")
    me = accounts.get_user(sessions=db.sessions, user_id=accounts.list_users(sessions=db.sessions)[0].id)
    assert me is not None
    coach = accounts.CurrentUser(me.id, "lone", "coach", "")
    assert cohort.learners(sessions=db.sessions, catalog=catalog(), coach=coach) == []
