"""The web app's defences: Host and Origin checks, CSRF tokens, security headers.

The app binds 127.0.0.1 by default, yet a page on any other site can still make the browser send
requests to it, and a DNS-rebinding attack can make the browser believe a hostile name is the app's
own origin. So every request must name an allowed Host; every state-changing request must come
from the app's own Origin and carry a CSRF token bound to the browser's session cookie, which is
SameSite=Strict and HttpOnly.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "rounds_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def allowed_hosts(bind_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host names (without port) the app answers to."""
    names = {*LOCAL_NAMES, bind_host.lower(), *(e.lower() for e in extra)}
    names.discard("0.0.0.0")
    names.discard("::")
    return frozenset(n for n in names if n)


def host_name(host_header: str) -> str:
    """The name part of a Host header, without the port; IPv6 keeps its brackets."""
    h = host_header.strip().lower()
    if h.startswith("["):
        end = h.find("]")
        return h[: end + 1] if end > 0 else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


class GuardMiddleware:
    """Refuse unknown Host headers and cross-origin state-changing requests; add security headers."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        host = request.headers.get("host", "")
        if host_name(host) not in self.hosts:
            await PlainTextResponse("Invalid Host header.", status_code=400)(scope, receive, send)
            return
        if request.method not in SAFE_METHODS:
            why = cross_origin(request, host)
            if why:
                await PlainTextResponse(f"Refused: {why}.", status_code=403)(scope, receive, send)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def cross_origin(request: Request, host: str) -> str | None:
    """Why a state-changing request does not come from this app's own pages, or None."""
    origin = request.headers.get("origin")
    if origin is None:
        referer = request.headers.get("referer")
        if referer:
            parts = urlsplit(referer)
            origin = f"{parts.scheme}://{parts.netloc}"
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return "the request comes from another site"
    if origin is None:
        return None  # not a browser, or a browser that sends neither: the CSRF token still guards
    if origin == "null" or urlsplit(origin).netloc.lower() != host.lower():
        return "the request comes from another origin"
    return None


class Tokens:
    """Session ids and the CSRF tokens derived from them with a server secret."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    @staticmethod
    def new_session() -> str:
        return secrets.token_urlsafe(32)

    def csrf_for(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def check(self, session: str | None, token: str | None) -> bool:
        if not session or not token:
            return False
        return hmac.compare_digest(self.csrf_for(session), token)


def load_secret(explicit: str | None, data_dir: Path) -> bytes:
    """The configured secret, else one kept in the data dir (created once, owner-only)."""
    if explicit:
        return explicit.encode()
    path = data_dir / "web-secret"
    try:
        return bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError):
        pass
    data_dir.mkdir(parents=True, exist_ok=True)
    raw = secrets.token_bytes(32)
    path.write_text(raw.hex())
    path.chmod(0o600)
    return raw


def set_session_cookie(response: Response, session: str, *, secure: bool,
                       samesite: Literal["strict", "lax"] = "strict") -> None:
    """The session cookie: SameSite=Strict on a laptop; Lax with accounts, so that a link to the
    server from elsewhere (a chat, a mail) arrives signed in; state changes still need the CSRF token."""
    response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite=samesite, secure=secure,
                        max_age=60 * 60 * 24 * 365, path="/")


class SessionMiddleware:
    """Gives every browser a random session id in a SameSite=Strict, HttpOnly cookie.

    The id carries no data; it only binds the CSRF token that pages embed in their forms.
    """

    def __init__(self, app: ASGIApp, *, tokens: Tokens, secure: bool = False,
                 samesite: Literal["strict", "lax"] = "strict") -> None:
        self.app = app
        self.tokens = tokens
        self.secure = secure
        self.samesite: Literal["strict", "lax"] = samesite

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        session = request.cookies.get(SESSION_COOKIE)
        fresh = not session or len(session) > 128
        if fresh:
            session = self.tokens.new_session()
        assert session is not None
        scope.setdefault("state", {})
        scope["state"]["session"] = session
        scope["state"]["csrf"] = self.tokens.csrf_for(session)

        async def send_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                probe = Response()
                set_session_cookie(probe, session, secure=self.secure, samesite=self.samesite)
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in probe.raw_headers if k == b"set-cookie"]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_cookie)
