"""Accounts in the web app (on with ``ROUNDS_ACCOUNTS``): who is signed in, and the pages to sign
in, sign up by invitation, sign out, share with one's coach, and, for coaches, the cohort.

``AccountsMiddleware`` looks up the browser's session id (the ``rounds_session`` cookie) among the
login sessions and runs the request ``acting_as`` that user, so every service reads and writes that
user's rows only. A request from nobody gets the sign-in page (a page) or 401 (anything else),
except for the few paths a stranger needs.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

import anyio
from cachetools import TTLCache
from fastapi import APIRouter, Form, HTTPException, Path, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from rounds.services import accounts, cohort, deliveries, stories
from rounds.services.accounts import CurrentUser
from rounds.services.errors import InvalidInput
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.web import views
from rounds.web.deps import CatalogDep, CsrfChecked, SessionsDep, SettingsDep
from rounds.web.security import set_session_cookie

OPEN_PREFIXES = ("/static/", "/signup/")
OPEN_PATHS = frozenset({"/login", "/favicon.ico", "/healthz", "/readyz", "/metrics"})


def is_open(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(OPEN_PREFIXES)


class AccountsMiddleware:
    """Sign-in required: sets ``request.state.user`` and acts as that user for the request."""

    def __init__(self, app: ASGIApp, *, sessions: SessionFactory) -> None:
        self.app = app
        self.sessions = sessions
        # Session id -> who it is signed in as, for a few seconds (see accounts.SIGNED_IN_CACHE_S):
        # a page that waits on a verdict asks several times a second. Nobody is not remembered.
        self._known: TTLCache[str, CurrentUser] = TTLCache(maxsize=10_000, ttl=accounts.SIGNED_IN_CACHE_S)
        self._known_as_of = accounts.changes()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        session = state.get("session")
        user = self._remembered(session)
        if user is None:
            user = await anyio.to_thread.run_sync(
                lambda: accounts.session_user(sessions=self.sessions, session=session))
            if user is not None and session:
                self._known[session] = user
        state["user"] = user
        path = scope.get("path", "")
        if user is None and not is_open(path):
            await _sign_in_first(scope, receive, send)
            return
        with repo.acting_as(user.id if user else None):
            await self.app(scope, receive, send)


    def _remembered(self, session: str | None) -> CurrentUser | None:
        if self._known_as_of != accounts.changes():  # a sign-out or an account change here: start over
            self._known.clear()
            self._known_as_of = accounts.changes()
        return self._known.get(session) if session else None


async def _sign_in_first(scope: Scope, receive: Receive, send: Send) -> None:
    request = Request(scope)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    login = f"/login?next={quote(target, safe='')}"
    response: Response
    if request.method in ("GET", "HEAD") and not views.is_htmx(request):
        response = RedirectResponse(login, status_code=303)
    else:
        response = Response("Sign in first.", status_code=401, media_type="text/plain",
                            headers={"HX-Redirect": login})
    await response(scope, receive, send)


def current_user(request: Request) -> CurrentUser | None:
    return getattr(request.state, "user", None)


def _coach(request: Request) -> CurrentUser:
    user = current_user(request)
    if user is None or not user.coaches:
        raise HTTPException(404, "There is no such page.")
    return user


def _safe_next(value: str) -> str:
    return value if value.startswith("/") and not value.startswith(("//", "/\\")) else "/"


router = APIRouter()
Name = Annotated[str, Form(max_length=80)]
Password = Annotated[str, Form(max_length=accounts.MAX_PASSWORD + 1)]
Next = Annotated[str, Form(max_length=500)]
throttle = accounts.Throttle(limit=5)  # failed sign-ins per name
addr_throttle = accounts.Throttle(limit=30)  # per address: a classroom shares one


def _signed_in(request: Request, sessions: SessionFactory, user_id: int, secure: bool, to: str) -> Response:
    """Sign the browser in under a new session id (a session id known before sign-in is never trusted after)."""
    from rounds.web.security import Tokens

    fresh = Tokens.new_session()
    accounts.start_session(sessions=sessions, user_id=user_id, session=fresh)
    response = RedirectResponse(_safe_next(to), status_code=303)
    set_session_cookie(response, fresh, secure=secure, samesite="lax")
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:  # noqa: A002
    return views.page(request, "login.html", title="Sign in", next=_safe_next(next[:500]), error="")


@router.post("/login", response_class=HTMLResponse, dependencies=[CsrfChecked])
def login(request: Request, sessions: SessionsDep, settings: SettingsDep, name: Name, password: Password,
          next: Next = "/") -> Response:  # noqa: A002
    key = f"name:{name.strip().lower()}"
    addr = f"addr:{request.client.host if request.client else '?'}"
    if throttle.blocked(key) or addr_throttle.blocked(addr):
        return views.page(request, "login.html", status_code=429, title="Sign in", next=_safe_next(next), username=name,
                          error="Too many failed sign-ins: wait a few minutes and try again.")
    uid = accounts.authenticate(sessions=sessions, name=name, password=password)
    if uid is None:
        throttle.failed(key)
        addr_throttle.failed(addr)
        return views.page(request, "login.html", status_code=401, title="Sign in", next=_safe_next(next), username=name,
                          error="The name or the password is wrong (or the account is disabled).")
    throttle.succeeded(key)
    return _signed_in(request, sessions, uid, settings.environment == "server", next)


@router.post("/logout", dependencies=[CsrfChecked])
def logout(request: Request, sessions: SessionsDep, settings: SettingsDep) -> Response:
    from rounds.web.security import Tokens

    accounts.end_session(sessions=sessions, session=request.state.session)
    response = RedirectResponse("/login", status_code=303)
    set_session_cookie(response, Tokens.new_session(), secure=settings.environment == "server", samesite="lax")
    return response


Token = Annotated[str, Path(max_length=100)]


@router.get("/signup/{token}", response_class=HTMLResponse)
def signup_page(request: Request, token: Token, sessions: SessionsDep) -> HTMLResponse:
    inv = accounts.invite_info(sessions=sessions, token=token)
    if inv is None:
        raise HTTPException(404, "This invitation link is unknown, used or expired: ask for a new one.")
    return views.page(request, "signup.html", title="Sign up", invite=inv, token=token, username="", error="")


@router.post("/signup/{token}", response_class=HTMLResponse, dependencies=[CsrfChecked])
def signup(request: Request, token: Token, sessions: SessionsDep, settings: SettingsDep, name: Name,
           password: Password, again: Password) -> Response:
    inv = accounts.invite_info(sessions=sessions, token=token)
    if inv is None:
        raise HTTPException(404, "This invitation link is unknown, used or expired: ask for a new one.")
    try:
        if password != again:
            raise InvalidInput("the two passwords differ")
        uid = accounts.sign_up(sessions=sessions, token=token, name=name, password=password)
    except (InvalidInput, accounts.AccountError) as exc:
        return views.page(request, "signup.html", status_code=400, title="Sign up", invite=inv, token=token,
                          username=name, error=str(exc))
    return _signed_in(request, sessions, uid, settings.environment == "server", "/")


# ---------------------------------------------------------------- sharing with one's coach


@router.post("/share/{kind}/{ref_id}", dependencies=[CsrfChecked])
def share(kind: Annotated[str, Path(pattern="^(story|delivery)$")], ref_id: int, sessions: SessionsDep,
          shared: Annotated[str, Form(max_length=3)] = "") -> RedirectResponse:
    try:
        cohort.set_shared(sessions=sessions, kind=kind, ref_id=ref_id, shared=shared == "yes")
    except cohort.NotYours as exc:
        raise HTTPException(404, str(exc)) from None
    back = f"/stories/{ref_id}" if kind == "story" else f"/behavioral/deliveries/{ref_id}"
    return RedirectResponse(back, status_code=303)


# ---------------------------------------------------------------- the coach's pages


@router.get("/coach", response_class=HTMLResponse)
def coach_page(request: Request, sessions: SessionsDep, cat: CatalogDep) -> HTMLResponse:
    user = _coach(request)
    rows = cohort.learners(sessions=sessions, catalog=cat, coach=user)
    return views.page(request, "coach.html", section="coach", learners=rows, me=user, invite_link="")


@router.post("/coach/invites", response_class=HTMLResponse, dependencies=[CsrfChecked])
def coach_invite(request: Request, sessions: SessionsDep, cat: CatalogDep,
                 role: Annotated[str, Form(max_length=16)] = "learner",
                 group: Annotated[str, Form(max_length=80)] = "") -> HTMLResponse:
    """A sign-up link: a coach invites learners to their own group; an admin anyone anywhere."""
    user = _coach(request)
    if not user.admin:
        role, group = "learner", user.group
    try:
        token = accounts.create_invite(sessions=sessions, role=role, group=group, created_by=user.id)
    except InvalidInput as exc:
        raise HTTPException(400, str(exc)) from None
    link = str(request.base_url).rstrip("/") + f"/signup/{token}"
    rows = cohort.learners(sessions=sessions, catalog=cat, coach=user)
    return views.page(request, "coach.html", section="coach", learners=rows, me=user, invite_link=link,
                      invite_role=role, invite_group=group)


def _scorecard_or_404(sessions: SessionFactory, cat: CatalogDep, user: CurrentUser, learner_id: int) -> cohort.Scorecard:
    try:
        return cohort.scorecard(sessions=sessions, catalog=cat, coach=user, learner_id=learner_id)
    except cohort.NotYours as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/coach/learners/{learner_id}", response_class=HTMLResponse)
def coach_learner(request: Request, learner_id: int, sessions: SessionsDep, cat: CatalogDep) -> HTMLResponse:
    card = _scorecard_or_404(sessions, cat, _coach(request), learner_id)
    return views.page(request, "coach_learner.html", section="coach", card=card)


@router.get("/coach/learners/{learner_id}/stories/{story_id}", response_class=HTMLResponse)
def coach_story(request: Request, learner_id: int, story_id: int, sessions: SessionsDep) -> HTMLResponse:
    user = _coach(request)
    try:
        st = cohort.shared_story(sessions=sessions, coach=user, learner_id=learner_id, story_id=story_id)
    except (cohort.NotYours, stories.StoryNotFound) as exc:
        raise HTTPException(404, str(exc)) from None
    return views.page(request, "coach_shared.html", section="coach", learner_id=learner_id, story=st, d=None)


@router.get("/coach/learners/{learner_id}/deliveries/{delivery_id}", response_class=HTMLResponse)
def coach_delivery(request: Request, learner_id: int, delivery_id: int, sessions: SessionsDep) -> HTMLResponse:
    user = _coach(request)
    try:
        d = cohort.shared_delivery(sessions=sessions, coach=user, learner_id=learner_id, delivery_id=delivery_id)
    except (cohort.NotYours, deliveries.DeliveryNotFound) as exc:
        raise HTTPException(404, str(exc)) from None
    return views.page(request, "coach_shared.html", section="coach", learner_id=learner_id, story=None, d=d)


@router.get("/coach/learners/{learner_id}/deliveries/{delivery_id}/recording")
def coach_recording(request: Request, learner_id: int, delivery_id: int, sessions: SessionsDep,
                    settings: SettingsDep) -> FileResponse:
    user = _coach(request)
    try:
        found = cohort.shared_recording(sessions=sessions, data_dir=settings.data_dir, coach=user,
                                        learner_id=learner_id, delivery_id=delivery_id)
    except (cohort.NotYours, deliveries.DeliveryNotFound) as exc:
        raise HTTPException(404, str(exc)) from None
    if found is None:
        raise HTTPException(404, "This delivery has no recording.")
    return FileResponse(found[0], media_type=found[1])


def _shared_with_coach(request: Request, kind: str, ref_id: int) -> bool:
    sessions: SessionFactory = request.app.state.db.sessions
    return cohort.is_shared(sessions=sessions, kind=kind, ref_id=ref_id)


views.templates.env.globals["shared_with_coach"] = _shared_with_coach
