"""The design rounds in the browser: the prompts, a session with its phased clock, notes per phase,
the diagram and the clarifying questions; then the rubric step, the reveal and the scorecard.

Notes and the diagram are saved by the page's script (JSON answers, CSRF header); everything else
is a plain form with the CSRF field, so the pages work without the script too. A save that comes
after the round's time ran out is refused with 409 and ``{"error", "ended": true}``: the page then
shows that the round is over (the notes already saved are kept).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from rounds.content.design import KINDS, SIGNALS, DesignHint, bank
from rounds.services import design_interviewer as di
from rounds.services import design_practice as dp
from rounds.services.errors import InvalidInput
from rounds.web import markdown, views
from rounds.web.deps import CsrfChecked, SessionsDep

router = APIRouter()

ROUND_NAMES = {"model": "ML model design", "infra": "ML infra design"}
SIGNAL_NAMES = {s: s.replace("-", " ") for s in SIGNALS}

Notes = Annotated[str, Form(max_length=dp.MAX_NOTES)]
Diagram = Annotated[str, Form(max_length=dp.MAX_DIAGRAM)]
PhaseF = Annotated[str, Form(max_length=40)]
Question = Annotated[str, Form(max_length=dp.MAX_QUESTION)]
Reply = Annotated[str, Form(max_length=di.MAX_REPLY)]


def _view(sessions: SessionsDep, session_id: int) -> dp.SessionView:
    try:
        return dp.view(sessions=sessions, session_id=session_id)
    except (dp.DesignSessionNotFound, dp.PromptNotFound) as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/design", response_class=HTMLResponse)
def design_home(request: Request, sessions: SessionsDep) -> HTMLResponse:
    b = bank()
    rounds = [(k, ROUND_NAMES[k], sorted(b.of_kind(k), key=lambda p: p.title.lower())) for k in KINDS]
    past = dp.past_sessions(sessions=sessions, limit=30)
    card = dp.scorecard(sessions=sessions)
    return views.page(request, "design.html", section="design", rounds=rounds, past=past, card=card,
                      signal_names=SIGNAL_NAMES)


def _session_page(request: Request, sessions: SessionsDep, session_id: int, *,
                  proposals: dict[str, di.Proposal] | None = None, grader_message: str = "") -> HTMLResponse:
    v = _view(sessions, session_id)
    llm = di.config() is not None
    chat = di.conversation(sessions=sessions, session_id=session_id)
    return views.page(request, "design_session.html", section="design", v=v, marks=dp.MARKS,
                      hint_label=DesignHint.label, round_name=ROUND_NAMES[v.prompt.kind], signal_names=SIGNAL_NAMES,
                      llm=llm, chat=chat, chat_message="", proposals=proposals or {}, grader_message=grader_message,
                      grace_minutes=dp.GRACE_S // 60)


@router.get("/design/sessions/{session_id}", response_class=HTMLResponse)
def session_page(request: Request, sessions: SessionsDep, session_id: int) -> HTMLResponse:
    return _session_page(request, sessions, session_id)


@router.get("/design/{kind}/{slug}", response_class=HTMLResponse)
def prompt_page(request: Request, sessions: SessionsDep, kind: str, slug: str) -> HTMLResponse:
    try:
        prompt = dp.get_prompt(f"{kind}/{slug}")
    except dp.PromptNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    past = dp.past_sessions(sessions=sessions, prompt_id=prompt.key)
    return views.page(request, "design_prompt.html", section="design", prompt=prompt, past=past,
                      round_name=ROUND_NAMES[prompt.kind])


@router.post("/design/{kind}/{slug}/start", dependencies=[CsrfChecked])
def start_session(sessions: SessionsDep, kind: str, slug: str) -> RedirectResponse:
    try:
        sid = dp.start(sessions=sessions, prompt_id=f"{kind}/{slug}")
    except dp.PromptNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/design/sessions/{sid}", status_code=303)


def _ended(exc: dp.TimeRanOut) -> JSONResponse:
    """A save refused because the round's time ran out: the page shows the round is over."""
    return JSONResponse({"error": str(exc), "ended": True}, status_code=409)


@router.post("/design/sessions/{session_id}/notes", dependencies=[CsrfChecked])
def save_notes(sessions: SessionsDep, session_id: int, phase: PhaseF, text: Notes = "") -> JSONResponse:
    try:
        saved = dp.save_notes(sessions=sessions, session_id=session_id, phase=phase, text=text)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except dp.TimeRanOut as exc:
        return _ended(exc)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return JSONResponse({"saved_at": saved.isoformat(), "html": markdown.render(text)})


@router.post("/design/sessions/{session_id}/diagram", dependencies=[CsrfChecked])
def save_diagram(sessions: SessionsDep, session_id: int, text: Diagram = "") -> JSONResponse:
    try:
        saved = dp.save_diagram(sessions=sessions, session_id=session_id, text=text)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except dp.TimeRanOut as exc:
        return _ended(exc)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return JSONResponse({"saved_at": saved.isoformat()})


@router.post("/design/sessions/{session_id}/ask", dependencies=[CsrfChecked])
def ask(request: Request, sessions: SessionsDep, session_id: int, question: Question = "") -> Response:
    message = ""
    try:
        dp.ask(sessions=sessions, session_id=session_id, question=question)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except (InvalidInput, dp.TimeRanOut) as exc:
        message = str(exc)
    if views.is_htmx(request):
        v = _view(sessions, session_id)
        return views.page(request, "_design_clarify.html", v=v, message=message)
    if message:
        raise HTTPException(400, message)
    return RedirectResponse(f"/design/sessions/{session_id}#clarify", status_code=303)


@router.post("/design/sessions/{session_id}/next", dependencies=[CsrfChecked])
def next_phase(sessions: SessionsDep, session_id: int) -> RedirectResponse:
    try:
        dp.next_phase(sessions=sessions, session_id=session_id)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/design/sessions/{session_id}", status_code=303)


@router.post("/design/sessions/{session_id}/finish", dependencies=[CsrfChecked])
def finish(sessions: SessionsDep, session_id: int) -> RedirectResponse:
    try:
        dp.finish(sessions=sessions, session_id=session_id)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/design/sessions/{session_id}#rubric", status_code=303)


@router.post("/design/sessions/{session_id}/interviewer", dependencies=[CsrfChecked])
def interviewer(request: Request, sessions: SessionsDep, session_id: int, reply: Reply = "") -> Response:
    """The optional model interviewer: the candidate's reply, then its next question (an htmx fragment)."""
    message = ""
    try:
        di.interviewer_says(sessions=sessions, session_id=session_id, reply=reply)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except (di.ModelUnavailable, InvalidInput, dp.TimeRanOut) as exc:
        message = str(exc)
    if not views.is_htmx(request):
        if message:
            raise HTTPException(503, message)
        return RedirectResponse(f"/design/sessions/{session_id}#interviewer", status_code=303)
    v = _view(sessions, session_id)
    chat = di.conversation(sessions=sessions, session_id=session_id)
    return views.page(request, "_design_interviewer.html", v=v, chat=chat, chat_message=message,
                      reply=reply if message else "")


@router.post("/design/sessions/{session_id}/grade", response_class=HTMLResponse, dependencies=[CsrfChecked])
def grade(request: Request, sessions: SessionsDep, session_id: int) -> HTMLResponse:
    """The optional model grader: the rubric step again, its proposals pre-filled with their evidence."""
    try:
        proposals = di.propose_marks(sessions=sessions, session_id=session_id)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except (di.ModelUnavailable, InvalidInput) as exc:
        return _session_page(request, sessions, session_id, grader_message=str(exc))
    return _session_page(request, sessions, session_id, proposals=proposals)


@router.post("/design/sessions/{session_id}/marks", dependencies=[CsrfChecked])
async def give_marks(request: Request, sessions: SessionsDep, session_id: int) -> RedirectResponse:
    form = await request.form()
    marks = {str(k)[len("mark_"):]: str(v) for k, v in form.items() if str(k).startswith("mark_")}
    proposed = {str(k)[len("proposed_"):]: {"mark": str(v), "evidence": str(form.get(f"evidence_{str(k)[9:]}", ""))}
                for k, v in form.items() if str(k).startswith("proposed_") and str(v) in dp.MARKS}
    try:
        dp.mark(sessions=sessions, session_id=session_id, marks=marks, proposed=proposed)
    except dp.DesignSessionNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/design/sessions/{session_id}#reveal", status_code=303)
