"""The talk rehearsal pages: save a rehearsal, self-assess it, see the past ones; the loop's talk round links to it."""

from __future__ import annotations

import re
from typing import Any

from rounds.config import Settings
from rounds.services import projects, talks
from rounds.storage import repositories as repo
from rounds.storage.db import database
from rounds.storage.models import User

TALK_LOOP = ('[loop]\nid = "deep"\ntitle = "Deep dive"\n'
             '[[round]]\nkind = "deep-dive"\nminutes = 60\nquestions = 2\ntalk = true\n')


def _project(browser: Any) -> int:
    r = browser.post("/projects", {"name": "Ranking rewrite", "summary": "Stale ranking.", "talk_minutes": "45"},
                     htmx=False, follow_redirects=False)
    m = re.match(r"/projects/(\d+)", r.headers["location"])
    assert m
    return int(m.group(1))


def test_a_rehearsal_is_saved_self_assessed_and_listed(browser: Any, settings: Settings) -> None:
    assert browser.get("/projects/rehearse", follow_redirects=False).headers["location"].startswith("/projects?note=")
    pid = _project(browser)
    go = browser.get("/projects/rehearse", follow_redirects=False)
    assert go.status_code == 303 and go.headers["location"] == f"/projects/{pid}/rehearse"
    page = browser.get(f"/projects/{pid}/rehearse").text
    assert 'id="rehearse-form"' in page and 'id="rehearse-none"' in page and f"rounds deck rehearse {pid}" in page
    slides = projects.outline(sessions=database(settings).sessions, project_id=pid)
    took = [str(float(s["minutes"]) * 60) for s in slides]
    took[1] = str(float(slides[1]["minutes"]) * 60 + 90)  # the problem slide 1:30 over
    r = browser.post(f"/projects/{pid}/rehearse", {"took": took}, htmx=False, follow_redirects=False)
    assert r.status_code == 303
    m = re.match(r"/talks/(\d+)\?note=rehearsal\+saved", r.headers["location"])
    assert m, r.headers["location"]
    rid = int(m.group(1))
    view = browser.get(f"/talks/{rid}").text
    assert 'data-kept="yes"' in view and view.count('data-verdict="over"') == 1 and "+1:30" in view
    assert 'value="time-kept" checked' in view  # ticked for you: the clock says the time was kept
    assert view.count('name="checks"') == len(talks.rubric())
    ids = [it.id for it in talks.rubric()]
    done = browser.post(f"/talks/{rid}/assess", {"checks": ids[:7]}, htmx=False)
    assert f"self-assessment saved: 7 of {len(ids)} rubric items" in done.text
    assert f"<strong>7 of {len(ids)}</strong> rubric items" in done.text
    bad = browser.post(f"/talks/{rid}/assess", {"checks": ["charisma"]}, htmx=False)
    assert "not in the talk rubric: charisma" in bad.text
    listed = browser.get(f"/projects/{pid}/rehearse").text
    assert f'data-rehearsal="{rid}"' in listed and f"7 of {len(ids)}" in listed and "(kept)" in listed
    nothing = browser.post(f"/projects/{pid}/rehearse", {"took": ["", ""]}, htmx=False)
    assert "no slide was timed" in nothing.text
    assert browser.get("/behavioral/data").text.count("1 talk rehearsals") == 1
    gone = browser.post(f"/talks/{rid}/delete", {}, htmx=False, follow_redirects=False)
    assert gone.headers["location"].startswith(f"/projects/{pid}/rehearse")
    assert browser.get(f"/talks/{rid}").status_code == 404


def test_another_users_rehearsal_is_404(browser: Any, settings: Settings) -> None:
    db = database(settings)
    with db.sessions.begin() as s:
        other = User(name="bea")
        s.add(other)
        s.flush()
        bea = other.id
    with repo.acting_as(bea):
        pid = projects.add_project(sessions=db.sessions, name="Bea's project")
        rid = talks.save_rehearsal(sessions=db.sessions, project_id=pid, took=[60.0])
    assert browser.get(f"/talks/{rid}").status_code == 404
    assert browser.post(f"/talks/{rid}/assess", {"checks": []}, htmx=False).status_code == 404
    assert browser.post(f"/projects/{pid}/rehearse", {"took": ["60"]}, htmx=False).status_code == 404
    assert browser.get("/talks/999").status_code == 404


def test_the_talk_round_links_to_the_rehearsal(browser: Any, settings: Settings) -> None:
    (settings.data_dir / "loops").mkdir(parents=True, exist_ok=True)
    (settings.data_dir / "loops" / "deep.toml").write_text(TALK_LOOP, encoding="utf-8")
    pid = _project(browser)
    browser.get("/loops")
    r = browser.post("/loops/start", {"template": "deep"}, htmx=False, follow_redirects=False)
    run = int(re.search(r"/loops/(\d+)", r.headers["location"]).group(1))  # type: ignore[union-attr]
    browser.post(f"/loops/{run}/next", {}, htmx=False)
    page = browser.get(f"/loops/{run}").text
    assert 'id="talk-link" target="_blank" rel="noopener">Rehearse the talk' in page.replace(
        'class="button" href="/projects/rehearse" ', "")
    assert "rounds deck rehearse PROJECT" in page
    slides = projects.outline(sessions=database(settings).sessions, project_id=pid)
    saved = browser.post(f"/projects/{pid}/rehearse", {"took": [str(float(s["minutes"]) * 60) for s in slides]},
                         htmx=False, follow_redirects=False)
    rid = int(re.search(r"/talks/(\d+)", saved.headers["location"]).group(1))  # type: ignore[union-attr]
    page = browser.get(f"/loops/{run}").text
    assert f'<a href="/talks/{rid}" id="talk-link">Your talk</a> is saved in this round' in page
