"""Behavioral and deep-dive practice in the browser: stories and their coverage, timed deliveries (typed or
recorded), the whole-bank run, projects with their question drill, the talk builder, talk rehearsals with
their self-assessment, and the private data.

Plain forms with the CSRF field. A recording is made in the browser (MediaRecorder) and sent with the
delivery's form; it is kept in the data folder and played back from this app, never from elsewhere.
"""

from __future__ import annotations

import random
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rounds.config import Settings
from rounds.content.behavioral import AREAS, SIGNALS, TalkItem, bank
from rounds.services import behavioral_data, deliveries, projects, stories, talks
from rounds.services.deliveries import Prompt
from rounds.services.errors import InvalidInput
from rounds.storage.db import SessionFactory
from rounds.storage.models_behavioral import CHAPTERS, TALK_MINUTES
from rounds.web import views
from rounds.web.deps import CsrfChecked, SessionsDep, SettingsDep

router = APIRouter()

Text = Annotated[str, Form(max_length=stories.MAX_TEXT)]
Short = Annotated[str, Form(max_length=500)]
Note = Annotated[str, Query(max_length=300)]


def _go(url: str, note: str = "") -> RedirectResponse:
    return RedirectResponse(url + (f"?{urlencode({'note': note})}" if note else ""), status_code=303)


def _split(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.replace(";", ",").replace("\n", ",").split(",") if x.strip())


# ---------------------------------------------------------------- the hub


@router.get("/behavioral", response_class=HTMLResponse)
def hub(request: Request, sessions: SessionsDep, note: Note = "") -> HTMLResponse:
    b = bank()
    cov = stories.coverage(sessions=sessions, b=b)
    recent = deliveries.deliveries(sessions=sessions, limit=10)
    return views.page(request, "behavioral.html", section="behavioral", coverage=cov, recent=recent, bank=b,
                      projects=projects.list_projects(sessions=sessions), run=deliveries.run(sessions=sessions, b=b),
                      note=note, progress=deliveries.progress(sessions=sessions, b=b))


# ---------------------------------------------------------------- stories


def _story_form(request: Request, sessions: SessionsDep, story_id: int | None, form: dict[str, Any],
                message: str = "", status_code: int = 200) -> HTMLResponse:
    b = bank()
    takes = deliveries.deliveries(sessions=sessions, story_id=story_id, limit=50) if story_id else []
    return views.page(request, "story_edit.html", section="behavioral", story_id=story_id, form=form,
                      message=message, status_code=status_code, signals=SIGNALS, bank=b, takes=takes,
                      companies=sorted(b.companies.values(), key=lambda c: c.name),
                      projects=projects.list_projects(sessions=sessions))


def _story_input(form: dict[str, Any]) -> stories.StoryInput:
    return stories.StoryInput(title=form["title"], situation=form["situation"], action=form["action"],
                              impact=form["impact"], learning=form["learning"], notes=form["notes"],
                              signals=tuple(form["signals"]), companies=_split(form["companies"]),
                              project=form["project"], questions=_split(form["questions"]))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, sessions: SessionsDep, note: Note = "",
                 company: Annotated[str, Query(max_length=80)] = "") -> HTMLResponse:
    b = bank()
    cov = stories.coverage(sessions=sessions, b=b)
    focus = b.companies.get(company)
    if company and focus is None:
        raise HTTPException(404, f"There is no company '{company}' among the value sets.")
    return views.page(request, "stories.html", section="behavioral", coverage=cov, note=note, bank=b,
                      max_questions=stories.MAX_QUESTIONS_PER_STORY, focus=focus,
                      focus_signals=set(focus.signals()) if focus else set(),
                      companies=sorted(b.companies.values(), key=lambda c: c.name))


@router.get("/stories/new", response_class=HTMLResponse)
def story_new(request: Request, sessions: SessionsDep, question: Annotated[str, Query(max_length=200)] = "",
              signal: Annotated[str, Query(max_length=40)] = "") -> HTMLResponse:
    form: dict[str, Any] = {"questions": question, "signals": [signal] if signal else []}
    if question in bank().questions:
        form["signals"] = [bank().questions[question].signal]
    return _story_form(request, sessions, None, form)


@router.post("/stories", response_class=HTMLResponse, dependencies=[CsrfChecked])
def story_add(request: Request, sessions: SessionsDep, title: Short = "", situation: Text = "", action: Text = "",
              impact: Text = "", learning: Text = "", notes: Text = "",
              signals: Annotated[list[str], Form(max_length=20)] = [],  # noqa: B006
              companies: Short = "", project: Short = "", questions: Text = "") -> Response:
    form: dict[str, Any] = {"title": title, "situation": situation, "action": action, "impact": impact, "learning": learning,
            "notes": notes, "signals": signals, "companies": companies, "project": project, "questions": questions}
    try:
        sid = stories.add_story(sessions=sessions, story=_story_input(form))
    except InvalidInput as exc:
        return _story_form(request, sessions, None, form, str(exc), 400)
    return _go("/stories", f"added story {sid}: {title.strip()}")


def _story(sessions: SessionsDep, story_id: int) -> stories.StoryView:
    try:
        return stories.get_story(sessions=sessions, story_id=story_id)
    except stories.StoryNotFound as exc:
        raise HTTPException(404, str(exc)) from None


def _coach_page(request: Request, notes: str, company: str, question: str, draft: Any = None, message: str = "",
                status_code: int = 200) -> HTMLResponse:
    from rounds.services import story_coach

    b = bank()
    try:
        guide = story_coach.guide(company_id=company, question_id=question, b=b)
    except InvalidInput as exc:
        raise HTTPException(404, str(exc)) from None
    cfg = story_coach.available()
    form: dict[str, Any] = {"notes": notes, "companies": company, "questions": question,
                            "signals": [guide.question.signal] if guide.question else []}
    if draft is not None:
        form.update(title=draft.title, **{p: draft.text(p) for p in story_coach.PARTS})
    return views.page(request, "story_coach.html", section="behavioral", guide=guide, model=cfg, draft=draft,
                      message=message, status_code=status_code, form=form, notes=notes, company=company,
                      question=question, bank=b, signals=SIGNALS,
                      companies=sorted(b.companies.values(), key=lambda c: c.name))


@router.get("/stories/coach", response_class=HTMLResponse)
def coach_page(request: Request, company: Annotated[str, Query(max_length=80)] = "",
               question: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    return _coach_page(request, "", company, question)


@router.post("/stories/coach", response_class=HTMLResponse, dependencies=[CsrfChecked])
def coach_draft(request: Request, notes: Text = "", company: Annotated[str, Form(max_length=80)] = "",
                question: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
    """Send the rough notes to the configured model (only on this button) for a SAIL draft."""
    from rounds.services import story_coach

    try:
        d = story_coach.draft(notes, company_id=company, question_id=question)
    except (InvalidInput, story_coach.ModelUnavailable) as exc:
        return _coach_page(request, notes, company, question, message=str(exc), status_code=400)
    return _coach_page(request, notes, company, question, draft=d)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int, sessions: SessionsDep) -> HTMLResponse:
    st = _story(sessions, story_id)
    form = {"title": st.title, "situation": st.situation, "action": st.action, "impact": st.impact,
            "learning": st.learning, "notes": st.notes, "signals": list(st.signals),
            "companies": ", ".join(st.companies), "project": st.project, "questions": ", ".join(st.questions)}
    return _story_form(request, sessions, story_id, form)


@router.post("/stories/{story_id}", response_class=HTMLResponse, dependencies=[CsrfChecked])
def story_save(request: Request, story_id: int, sessions: SessionsDep, title: Short = "", situation: Text = "",
               action: Text = "", impact: Text = "", learning: Text = "", notes: Text = "",
               signals: Annotated[list[str], Form(max_length=20)] = [],  # noqa: B006
               companies: Short = "", project: Short = "", questions: Text = "") -> Response:
    _story(sessions, story_id)
    form: dict[str, Any] = {"title": title, "situation": situation, "action": action, "impact": impact, "learning": learning,
            "notes": notes, "signals": signals, "companies": companies, "project": project, "questions": questions}
    try:
        stories.edit_story(sessions=sessions, story_id=story_id, story=_story_input(form))
    except InvalidInput as exc:
        return _story_form(request, sessions, story_id, form, str(exc), 400)
    return _go("/stories", f"saved story {story_id}: {title.strip()}")


@router.post("/stories/{story_id}/delete", dependencies=[CsrfChecked])
def story_delete(story_id: int, sessions: SessionsDep) -> RedirectResponse:
    st = _story(sessions, story_id)
    stories.delete_story(sessions=sessions, story_id=story_id)
    return _go("/stories", f"deleted story {story_id}: {st.title}")


@router.get("/stories/{story_id}/markdown")
def story_markdown(story_id: int, sessions: SessionsDep) -> Response:
    st = _story(sessions, story_id)
    return Response(stories.to_markdown(st), media_type="text/markdown; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="story-{story_id}.md"'})


# ---------------------------------------------------------------- delivery practice


def _prompt(sessions: SessionsDep, q: str, project_id: int | None = None) -> Prompt:
    """The question with id ``q``: a bank question, ``probe/<id>``, or ``project/<id>/<item>``."""
    try:
        if q.startswith("project/"):
            parts = q.split("/")
            p = projects.get_project(sessions=sessions, project_id=int(parts[1]))
            return projects.drill_prompt(p, q)
        prompt = deliveries.prompt_for(q)
        if project_id is not None and prompt.kind == "probe":
            p = projects.get_project(sessions=sessions, project_id=project_id)
            prompt = Prompt(kind="probe", id=prompt.id, question=prompt.question, checklist=prompt.checklist,
                            signal=prompt.signal, project_id=p.id, target=projects.PROJECT_TARGET)
        return prompt
    except (InvalidInput, projects.ProjectNotFound, ValueError, IndexError) as exc:
        raise HTTPException(404, str(exc) if not isinstance(exc, ValueError | IndexError)
                            else f"There is no question '{q}'.") from None


@router.get("/behavioral/practice", response_class=HTMLResponse)
def practice(request: Request, sessions: SessionsDep, q: Annotated[str, Query(max_length=300)] = "",
             signal: Annotated[str, Query(max_length=40)] = "", draw: Annotated[str, Query(max_length=5)] = "",
             project: Annotated[int | None, Query()] = None, run: Annotated[str, Query(max_length=5)] = "",
             note: Note = "") -> Response:
    b = bank()
    if draw:
        try:
            picked = deliveries.draw(sessions=sessions, signal=signal, b=b, rng=random.Random())
        except InvalidInput as exc:
            raise HTTPException(400, str(exc)) from None
        return RedirectResponse(f"/behavioral/practice?{urlencode({'q': picked.id})}", status_code=303)
    if not q:
        return views.page(request, "behavioral_practice.html", section="behavioral", prompt=None, signals=SIGNALS,
                          bank=b, signal=signal, note=note)
    prompt = _prompt(sessions, q, project)
    history = deliveries.deliveries(sessions=sessions, question_id=prompt.id, limit=10)
    story_list = stories.list_stories(sessions=sessions)
    suggested = [s for s in story_list if prompt.id in s.questions or prompt.signal in s.signals]
    return views.page(request, "behavioral_practice.html", section="behavioral", prompt=prompt, history=history,
                      stories=story_list, suggested=suggested, signals=SIGNALS, bank=b, signal=signal, note=note,
                      run=run, project=project)


@router.post("/behavioral/deliveries", dependencies=[CsrfChecked])
async def delivery_add(request: Request, sessions: SessionsDep, settings: SettingsDep,
                       question_id: Annotated[str, Form(max_length=300)],
                       duration_s: Annotated[float | None, Form(ge=0, le=3 * 3600)] = None,
                       transcript: Annotated[str, Form(max_length=deliveries.MAX_TRANSCRIPT)] = "",
                       story_id: Annotated[str, Form(max_length=12)] = "",
                       project_id: Annotated[str, Form(max_length=12)] = "",
                       run: Annotated[str, Form(max_length=5)] = "",
                       spoken: Annotated[str, Form(max_length=5)] = "",
                       recording: UploadFile | None = None) -> Response:
    data, ctype = b"", ""
    if recording is not None and recording.filename:
        data, ctype = await recording.read(deliveries.MAX_RECORDING + 1), recording.content_type or ""
    # the database and the file off the event loop
    return await run_in_threadpool(_add_take, sessions, settings, question_id, duration_s, transcript, story_id,
                                   project_id, run, spoken, data, ctype)


def _add_take(sessions: SessionFactory, settings: Settings, question_id: str, duration_s: float | None,
              transcript: str, story_id: str, project_id: str, run: str, spoken: str, data: bytes,
              ctype: str) -> Response:
    prompt = _prompt(sessions, question_id, int(project_id) if project_id.isdigit() else None)
    saved = None
    back = f"/behavioral/practice?{urlencode({'q': question_id})}"
    try:
        if data:
            saved = deliveries.save_recording(settings.data_dir, data, ctype)
        did = deliveries.add_delivery(sessions=sessions, prompt=prompt, duration_s=duration_s, transcript=transcript,
                                      story_id=int(story_id) if story_id.isdigit() else None, recording=saved,
                                      spoken=bool(spoken))
    except InvalidInput as exc:
        if saved:
            (deliveries.recordings_dir(settings.data_dir) / saved[0]).unlink(missing_ok=True)
        return RedirectResponse(back + "&" + urlencode({"note": str(exc)}), status_code=303)
    return RedirectResponse(f"/behavioral/deliveries/{did}" + ("?run=1" if run else ""), status_code=303)


def _delivery(sessions: SessionsDep, delivery_id: int) -> deliveries.DeliveryView:
    try:
        return deliveries.get_delivery(sessions=sessions, delivery_id=delivery_id)
    except deliveries.DeliveryNotFound as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/behavioral/deliveries/{delivery_id}", response_class=HTMLResponse)
def delivery_page(request: Request, delivery_id: int, sessions: SessionsDep,
                  run: Annotated[str, Query(max_length=5)] = "", note: Note = "") -> HTMLResponse:
    d = _delivery(sessions, delivery_id)
    b = bank()
    q = b.questions.get(d.question_id)
    story = None
    if d.story_id:
        try:
            story = stories.get_story(sessions=sessions, story_id=d.story_id)
        except stories.StoryNotFound:
            story = None
    nxt = deliveries.run(sessions=sessions, b=b).next if run else None
    return views.page(request, "behavioral_delivery.html", section="behavioral", d=d, question=q, story=story,
                      length_note=deliveries.length_note(d.spoken_s, (deliveries.TARGET[0], d.target_s)),
                      pace_note=deliveries.pace_note(d.wpm), run=run, next_question=nxt, note=note,
                      spoken_wpm=deliveries.SPOKEN_WPM)


@router.post("/behavioral/deliveries/{delivery_id}/checks", dependencies=[CsrfChecked])
def delivery_checks(delivery_id: int, sessions: SessionsDep,
                    checks: Annotated[list[int], Form(max_length=20)] = [],  # noqa: B006
                    run: Annotated[str, Form(max_length=5)] = "") -> RedirectResponse:
    _delivery(sessions, delivery_id)
    deliveries.set_checks(sessions=sessions, delivery_id=delivery_id, checks=checks)
    return RedirectResponse(f"/behavioral/deliveries/{delivery_id}?" + urlencode(
        {"note": "self-check saved", **({"run": "1"} if run else {})}), status_code=303)


@router.post("/behavioral/deliveries/{delivery_id}/transcript", dependencies=[CsrfChecked])
def delivery_transcript(delivery_id: int, sessions: SessionsDep,
                        transcript: Annotated[str, Form(max_length=deliveries.MAX_TRANSCRIPT)] = "") -> Response:
    _delivery(sessions, delivery_id)
    deliveries.set_transcript(sessions=sessions, delivery_id=delivery_id, transcript=transcript)
    return _go(f"/behavioral/deliveries/{delivery_id}", "transcript saved")


@router.get("/behavioral/deliveries/{delivery_id}/recording")
def delivery_recording(delivery_id: int, sessions: SessionsDep, settings: SettingsDep) -> FileResponse:
    _delivery(sessions, delivery_id)
    found = deliveries.recording_path(sessions=sessions, data_dir=settings.data_dir, delivery_id=delivery_id)
    if found is None:
        raise HTTPException(404, "This delivery has no recording (it was deleted, or none was made).")
    return FileResponse(found[0], media_type=found[1])


@router.post("/behavioral/deliveries/{delivery_id}/recording/delete", dependencies=[CsrfChecked])
def delivery_recording_delete(delivery_id: int, sessions: SessionsDep, settings: SettingsDep) -> RedirectResponse:
    _delivery(sessions, delivery_id)
    deliveries.delete_recording(sessions=sessions, data_dir=settings.data_dir, delivery_id=delivery_id)
    return _go(f"/behavioral/deliveries/{delivery_id}", "recording deleted")


@router.post("/behavioral/deliveries/{delivery_id}/delete", dependencies=[CsrfChecked])
def delivery_delete(delivery_id: int, sessions: SessionsDep, settings: SettingsDep) -> RedirectResponse:
    d = _delivery(sessions, delivery_id)
    deliveries.delete_delivery(sessions=sessions, data_dir=settings.data_dir, delivery_id=delivery_id)
    return _go("/behavioral/practice", f"deleted the delivery of '{d.question[:80]}'")


@router.get("/behavioral/run", response_class=HTMLResponse)
def run_page(request: Request, sessions: SessionsDep) -> HTMLResponse:
    return views.page(request, "behavioral_run.html", section="behavioral", run=deliveries.run(sessions=sessions))


@router.post("/behavioral/run", dependencies=[CsrfChecked])
def run_start(sessions: SessionsDep) -> RedirectResponse:
    deliveries.start_run(sessions=sessions)
    nxt = deliveries.run(sessions=sessions).next
    if nxt is None:
        return RedirectResponse("/behavioral/run", status_code=303)
    return RedirectResponse(f"/behavioral/practice?{urlencode({'q': nxt.id, 'run': '1'})}", status_code=303)


# ---------------------------------------------------------------- projects


@router.get("/projects", response_class=HTMLResponse)
def projects_page(request: Request, sessions: SessionsDep, note: Note = "") -> HTMLResponse:
    return views.page(request, "projects.html", section="behavioral", projects=projects.list_projects(sessions=sessions),
                      note=note, talk_minutes=TALK_MINUTES)


@router.post("/projects", dependencies=[CsrfChecked])
def project_add(sessions: SessionsDep, name: Short = "", summary: Text = "", role: Text = "",
                talk_minutes: Annotated[int, Form()] = 45) -> Response:
    try:
        pid = projects.add_project(sessions=sessions, name=name, summary=summary, role=role, talk_minutes=talk_minutes)
    except InvalidInput as exc:
        return _go("/projects", str(exc))
    return _go(f"/projects/{pid}", "project created: now write its chapters")


@router.get("/projects/rehearse")
def rehearse_any(sessions: SessionsDep) -> RedirectResponse:
    """Rehearse a talk (the link of a loop's talk round): the project worked on last, else the projects."""
    mine = projects.list_projects(sessions=sessions)
    if not mine:
        return _go("/projects", "add the project your talk is about first, then rehearse its talk")
    last = max(mine, key=lambda p: (p.updated_at, p.id))
    return _go(f"/projects/{last.id}/rehearse")


def _project(sessions: SessionsDep, project_id: int) -> projects.ProjectView:
    try:
        return projects.get_project(sessions=sessions, project_id=project_id)
    except projects.ProjectNotFound as exc:
        raise HTTPException(404, str(exc)) from None


def _builder(request: Request, p: projects.ProjectView, note: str = "", status_code: int = 200,
             form: dict[str, str] | None = None) -> HTMLResponse:
    return views.page(request, "project.html", section="behavioral", p=p, note=note, status_code=status_code,
                      scores=projects.SCORES, score_titles=projects.SCORE_TITLES, talk_minutes=TALK_MINUTES,
                      decisions_text=projects.decisions_text, form=form or {})


@router.get("/projects/{project_id}", response_class=HTMLResponse)
def project_page(request: Request, project_id: int, sessions: SessionsDep, note: Note = "") -> HTMLResponse:
    return _builder(request, _project(sessions, project_id), note)


def _score(value: Any) -> int | None:
    text = str(value or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise InvalidInput(f"a score is a number 1 to 5, not '{text[:10]}'")
    return int(text)


@router.post("/projects/{project_id}", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def project_save(request: Request, project_id: int, sessions: SessionsDep) -> Response:
    form = await request.form()
    f = {k: v for k, v in form.items() if isinstance(v, str)}
    return await run_in_threadpool(_save_project, request, project_id, sessions, f)  # the database off the loop


def _save_project(request: Request, project_id: int, sessions: SessionFactory, f: dict[str, str]) -> Response:
    p = _project(sessions, project_id)
    if any(len(v) > projects.MAX_TEXT for v in f.values()):
        return _builder(request, p, f"a field is longer than {projects.MAX_TEXT} characters", 400, f)
    try:
        minutes = int(f.get("talk_minutes", "45") or 45)
        projects.edit_project(sessions=sessions, project_id=project_id, name=f.get("name", ""),
                              summary=f.get("summary", ""), role=f.get("role", ""), talk_minutes=minutes)
        for kind in CHAPTERS:
            projects.save_chapter(
                sessions=sessions, project_id=project_id, kind=kind, body=f.get(f"{kind}_body", ""),
                scores={k: _score(f.get(f"{kind}_{k}")) for k in projects.SCORES},
                decisions=projects.parse_decisions(f.get(f"{kind}_decisions", "")),
                metrics=f.get(f"{kind}_metrics", "").splitlines())
    except (InvalidInput, ValueError) as exc:
        return _builder(request, _project(sessions, project_id), str(exc), 400, f)
    return _go(f"/projects/{project_id}", "project saved")


@router.post("/projects/{project_id}/delete", dependencies=[CsrfChecked])
def project_delete(project_id: int, sessions: SessionsDep) -> RedirectResponse:
    p = _project(sessions, project_id)
    projects.delete_project(sessions=sessions, project_id=project_id)
    return _go("/projects", f"deleted project {p.name}")


@router.get("/projects/{project_id}/drill", response_class=HTMLResponse)
def project_drill(request: Request, project_id: int, sessions: SessionsDep) -> HTMLResponse:
    p = _project(sessions, project_id)
    prompts = projects.drill(p)
    last = deliveries.last_delivered(sessions=sessions)
    own = [x for x in prompts if x.kind == "project"]
    probes = {a: [x for x in prompts if x.kind == "probe" and x.signal == a] for a in AREAS}
    return views.page(request, "project_drill.html", section="behavioral", p=p, own=own, probes=probes, last=last)


@router.get("/projects/{project_id}/talk", response_class=HTMLResponse)
def talk_page(request: Request, project_id: int, sessions: SessionsDep, note: Note = "") -> HTMLResponse:
    p = _project(sessions, project_id)
    slides = p.outline or projects.build_outline(p)
    return views.page(request, "project_talk.html", section="behavioral", p=p, slides=slides, saved=bool(p.outline),
                      note=note, total=round(sum(float(s.get("minutes") or 0) for s in slides), 1),
                      qa=projects.QA_MINUTES.get(p.talk_minutes, 10))


@router.post("/projects/{project_id}/talk", dependencies=[CsrfChecked])
async def talk_save(request: Request, project_id: int, sessions: SessionsDep) -> Response:
    """The outline's form: ``title_N``, ``bullets_N`` (one a line), ``notes_N``, ``minutes_N``, ``remove_N``,
    ``up_N``; a last blank row adds a slide when its title is filled in."""
    form = await request.form()
    f = {k: v for k, v in form.items() if isinstance(v, str)}
    return await run_in_threadpool(_save_talk, project_id, sessions, f)  # the database off the event loop


def _save_talk(project_id: int, sessions: SessionFactory, f: dict[str, str]) -> Response:
    _project(sessions, project_id)
    slides: list[dict[str, Any]] = []
    n = 0
    while f"title_{n}" in f and n <= projects.MAX_SLIDES:
        title = f[f"title_{n}"].strip()
        if title and not f.get(f"remove_{n}"):
            try:
                minutes = float(f.get(f"minutes_{n}", "0") or 0)
            except ValueError:
                return _go(f"/projects/{project_id}/talk", f"slide {n + 1}: minutes must be a number")
            slides.append({"title": title, "bullets": f.get(f"bullets_{n}", "").splitlines(),
                           "notes": f.get(f"notes_{n}", ""), "minutes": minutes})
            if f.get(f"up_{n}") and len(slides) > 1:
                slides[-2], slides[-1] = slides[-1], slides[-2]
        n += 1
    try:
        projects.save_outline(sessions=sessions, project_id=project_id, slides=slides)
    except InvalidInput as exc:
        return _go(f"/projects/{project_id}/talk", str(exc))
    return _go(f"/projects/{project_id}/talk", f"outline saved: {len(slides)} slides")


@router.post("/projects/{project_id}/talk/rebuild", dependencies=[CsrfChecked])
def talk_rebuild(project_id: int, sessions: SessionsDep) -> RedirectResponse:
    p = _project(sessions, project_id)
    projects.save_outline(sessions=sessions, project_id=project_id, slides=projects.build_outline(p))
    return _go(f"/projects/{project_id}/talk", "outline rebuilt from the chapters")


@router.get("/projects/{project_id}/talk.pptx")
def talk_pptx(project_id: int, sessions: SessionsDep) -> Response:
    p = _project(sessions, project_id)
    data = projects.pptx(p, p.outline or projects.build_outline(p))
    return Response(data, media_type="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    headers={"Content-Disposition": f'attachment; filename="{projects.file_stem(p)}.pptx"'})


@router.get("/projects/{project_id}/talk.md")
def talk_markdown(project_id: int, sessions: SessionsDep) -> Response:
    p = _project(sessions, project_id)
    return Response(projects.markdown(p, p.outline or projects.build_outline(p)),
                    media_type="text/markdown; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{projects.file_stem(p)}.md"'})


@router.get("/projects/{project_id}/rehearse", response_class=HTMLResponse)
def talk_rehearse(request: Request, project_id: int, sessions: SessionsDep, note: Note = "") -> HTMLResponse:
    p = _project(sessions, project_id)
    slides = p.outline or projects.build_outline(p)
    others = [x for x in projects.list_projects(sessions=sessions) if x.id != p.id]
    return views.page(request, "project_rehearse.html", section="behavioral", p=p, slides=slides,
                      total=round(sum(float(s.get("minutes") or 0) for s in slides), 1),
                      qa=projects.QA_MINUTES.get(p.talk_minutes, 10), note=note, others=others,
                      past=talks.rehearsals(sessions=sessions, project_id=p.id))


@router.post("/projects/{project_id}/rehearse", dependencies=[CsrfChecked])
def talk_rehearsal_save(project_id: int, sessions: SessionsDep,
                        took: Annotated[list[str], Form(max_length=projects.MAX_SLIDES)] = []  # noqa: B006
                        ) -> RedirectResponse:
    """The rehearsal's times, one ``took`` a slide in order (seconds; empty: not reached)."""
    _project(sessions, project_id)
    try:
        times = [float(x) if x.strip() else None for x in took]
        rid = talks.save_rehearsal(sessions=sessions, project_id=project_id, took=times)
    except ValueError:
        return _go(f"/projects/{project_id}/rehearse", "the slide times must be numbers of seconds")
    except InvalidInput as exc:
        return _go(f"/projects/{project_id}/rehearse", str(exc))
    return _go(f"/talks/{rid}", "rehearsal saved: now tick what your talk did")


def _rehearsal(sessions: SessionsDep, rehearsal_id: int) -> talks.RehearsalView:
    try:
        return talks.get_rehearsal(sessions=sessions, rehearsal_id=rehearsal_id)
    except talks.RehearsalNotFound as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/talks/{rehearsal_id}", response_class=HTMLResponse)
def talk_rehearsal_page(request: Request, rehearsal_id: int, sessions: SessionsDep, note: Note = "") -> HTMLResponse:
    r = _rehearsal(sessions, rehearsal_id)
    items = talks.rubric()
    if r.assessed:  # the rubric as it stood when assessed, with any item since removed shown by its id
        known = {it.id: it for it in items}
        shown = [known.get(i) or TalkItem(i, i, "") for i in r.rubric]
        ticked = set(r.checks)
    else:  # time kept is ticked for you when the clock says so
        shown, ticked = items, ({"time-kept"} if r.kept else set())
    return views.page(request, "talk_rehearsal.html", section="behavioral", r=r, items=shown, ticked=ticked,
                      note=note, mmss=talks.mmss, signed=talks.signed)


@router.post("/talks/{rehearsal_id}/assess", dependencies=[CsrfChecked])
def talk_rehearsal_assess(rehearsal_id: int, sessions: SessionsDep,
                          checks: Annotated[list[str], Form(max_length=40)] = []  # noqa: B006
                          ) -> RedirectResponse:
    _rehearsal(sessions, rehearsal_id)
    try:
        r = talks.assess(sessions=sessions, rehearsal_id=rehearsal_id, checks=checks)
    except InvalidInput as exc:
        return _go(f"/talks/{rehearsal_id}", str(exc))
    return _go(f"/talks/{rehearsal_id}", f"self-assessment saved: {r.covered} of {len(r.rubric)} rubric items")


@router.post("/talks/{rehearsal_id}/delete", dependencies=[CsrfChecked])
def talk_rehearsal_delete(rehearsal_id: int, sessions: SessionsDep) -> RedirectResponse:
    r = _rehearsal(sessions, rehearsal_id)
    talks.delete_rehearsal(sessions=sessions, rehearsal_id=rehearsal_id)
    return _go(f"/projects/{r.project_id}/rehearse" if r.project_id else "/projects", "rehearsal deleted")


# ---------------------------------------------------------------- private data


@router.get("/behavioral/data", response_class=HTMLResponse)
def data_page(request: Request, sessions: SessionsDep, note: Note = "") -> HTMLResponse:
    return views.page(request, "behavioral_data.html", section="behavioral", note=note,
                      stories=len(stories.list_stories(sessions=sessions)),
                      projects=len(projects.list_projects(sessions=sessions)),
                      deliveries=len(deliveries.deliveries(sessions=sessions, limit=100_000)),
                      talks=len(talks.rehearsals(sessions=sessions, limit=100_000)))


@router.get("/behavioral/data/export")
def data_export(sessions: SessionsDep, settings: SettingsDep) -> Response:
    raw, _ = behavioral_data.export_archive(sessions=sessions, data_dir=settings.data_dir)
    return Response(raw, media_type="application/zip",
                    headers={"Content-Disposition": 'attachment; filename="rounds-behavioral.zip"'})


@router.post("/behavioral/data/import", dependencies=[CsrfChecked])
async def data_import(sessions: SessionsDep, settings: SettingsDep, file: UploadFile) -> Response:
    raw = await file.read(behavioral_data.MAX_ARCHIVE + 1)
    name = file.filename or "upload"
    try:  # the database and the files off the event loop
        counts = await run_in_threadpool(
            lambda: behavioral_data.import_archive(sessions=sessions, data_dir=settings.data_dir, raw=raw))
    except InvalidInput as exc:
        return _go("/behavioral/data", f"{name}: {exc}")
    return _go("/behavioral/data", f"imported {counts}")


@router.post("/behavioral/data/delete", dependencies=[CsrfChecked])
def data_delete(sessions: SessionsDep, settings: SettingsDep,
                confirm: Annotated[str, Form(max_length=40)] = "") -> Response:
    if confirm.strip().lower() != "delete":
        return _go("/behavioral/data", "nothing was deleted: type delete in the box to confirm")
    counts = behavioral_data.delete_everything(sessions=sessions, data_dir=settings.data_dir)
    return _go("/behavioral/data", f"deleted {counts}")
