"""Dependencies of the routes, as ``Annotated`` aliases so that handlers read like sentences."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from rounds.config import Settings
from rounds.content.catalog import Catalog
from rounds.storage.db import SessionFactory
from rounds.web.jobs import JobBoard
from rounds.web.security import CSRF_FIELD, CSRF_HEADER, Tokens


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog()  # type: ignore[no-any-return]


def get_jobs(request: Request) -> JobBoard:
    return request.app.state.jobs  # type: ignore[no-any-return]


def session_id(request: Request) -> str:
    return request.state.session  # type: ignore[no-any-return]


async def verify_csrf(request: Request) -> None:
    """State-changing requests must carry the CSRF token of this browser's session."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    token = request.headers.get(CSRF_HEADER)
    if token is None:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            token = value if isinstance(value, str) else None
    tokens: Tokens = request.app.state.tokens
    if not tokens.check(request.cookies.get("rounds_session"), token):
        raise HTTPException(status_code=403, detail="The form's security token is missing or stale: reload the page and try again.")


SettingsDep = Annotated[Settings, Depends(get_settings)]
CatalogDep = Annotated[Catalog, Depends(get_catalog)]
JobsDep = Annotated[JobBoard, Depends(get_jobs)]
SessionIdDep = Annotated[str, Depends(session_id)]
CsrfChecked = Depends(verify_csrf)



def get_sessions(request: Request) -> SessionFactory:
    return request.app.state.db.sessions  # type: ignore[no-any-return]


SessionsDep = Annotated[SessionFactory, Depends(get_sessions)]
