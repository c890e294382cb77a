"""The admin's page of a cohort server (accounts on, docs/accounts.md): every account with its role,
group, state and last sign-in, filtered by group; per account a new role, a new group, disabling or
enabling, a new password; sign-up links, and the open ones with a way to revoke them.

Every action is a plain form with the CSRF field, answered with the page and a line saying what
changed (or why nothing did). A learner or a coach gets 403; nobody signed in, the sign-in page
(the accounts middleware). The rules (the last admin, disabling oneself) live in the service, so
`rounds users set` keeps them too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse

from rounds.services import accounts
from rounds.services.accounts import CurrentUser
from rounds.services.errors import InvalidInput
from rounds.storage.models_accounts import ROLES
from rounds.web import views
from rounds.web.deps import CsrfChecked, SessionsDep

router = APIRouter()

NO_GROUP = "-"  # the filter's value for "in no group" (a group name starts with a letter or digit)
DAYS_CHOICES = (1, 3, 7, 14, 30, 90)

Name = Annotated[str, Form(max_length=80)]
GroupF = Annotated[str, Form(max_length=200)]  # longer than a group may be: the service says why it is refused
Password = Annotated[str, Form(max_length=accounts.MAX_PASSWORD + 1)]
Show = Annotated[str, Form(max_length=200)]  # the group filter the page was showing, kept after an action


def _admin(request: Request) -> CurrentUser:
    user: CurrentUser | None = getattr(request.state, "user", None)
    if user is None or not user.admin:
        raise HTTPException(403, "This page is for the server's admins: a learner or a coach cannot manage "
                                 "accounts. Ask an admin to change yours.")
    return user


def _page(request: Request, sessions: SessionsDep, me: CurrentUser, *, show: str = "", note: str = "",
          error: str = "", invite_link: str = "", invite: accounts.InviteView | None = None,
          status_code: int = 200) -> HTMLResponse:
    everyone = accounts.list_users(sessions=sessions)
    groups = sorted({u.group for u in everyone if u.group}, key=str.lower)
    if show == NO_GROUP:
        rows = [u for u in everyone if not u.group]
    elif show:
        rows = [u for u in everyone if u.group == show]
    else:
        rows = everyone
    return views.page(request, "admin.html", status_code=status_code, section="admin", me=me, users=rows,
                      total=len(everyone), groups=groups, show=show, no_group=NO_GROUP, roles=ROLES,
                      days_choices=DAYS_CHOICES, default_days=accounts.INVITE_DAYS,
                      invites=accounts.list_invites(sessions=sessions), note=note, error=error,
                      invite_link=invite_link, invite=invite)


def _refused(request: Request, sessions: SessionsDep, me: CurrentUser, show: str, why: str) -> HTMLResponse:
    return _page(request, sessions, me, show=show, error=_sentence(why), status_code=400)


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")) if text else text


def _who(name: str) -> str:
    return name.strip().lower()


def _a(role: str) -> str:
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"


@router.get("/admin", response_class=HTMLResponse)
def admin_page(request: Request, sessions: SessionsDep, group: str = "") -> HTMLResponse:
    return _page(request, sessions, _admin(request), show=group[:200])


@router.post("/admin/users/role", response_class=HTMLResponse, dependencies=[CsrfChecked])
def set_role(request: Request, sessions: SessionsDep, name: Name, role: Annotated[str, Form(max_length=16)],
             show: Show = "") -> HTMLResponse:
    me = _admin(request)
    try:
        accounts.update_user(sessions=sessions, name=name, role=role, by=me.id)
    except (InvalidInput, accounts.AccountError) as exc:
        return _refused(request, sessions, me, show, str(exc))
    if _who(name) == me.name and role != "admin":  # allowed while another admin remains: the page is theirs now
        request.state.user = replace(me, role=role)
        return views.page(request, "error.html", title="Role changed",
                          message=f"You are {_a(role)} now: the accounts page is for admins only.")
    return _page(request, sessions, me, show=show, note=f"{_who(name)} is now {_a(role)}.")


@router.post("/admin/users/group", response_class=HTMLResponse, dependencies=[CsrfChecked])
def set_group(request: Request, sessions: SessionsDep, name: Name, group: GroupF = "", show: Show = "") -> HTMLResponse:
    me = _admin(request)
    try:
        accounts.update_user(sessions=sessions, name=name, group=group, by=me.id)
    except (InvalidInput, accounts.AccountError) as exc:
        return _refused(request, sessions, me, show, str(exc))
    group = group.strip()
    note = f"{_who(name)} is now in the group {group}." if group else f"{_who(name)} is now in no group."
    return _page(request, sessions, me, show=show, note=note)


@router.post("/admin/users/disable", response_class=HTMLResponse, dependencies=[CsrfChecked])
def disable(request: Request, sessions: SessionsDep, name: Name, show: Show = "") -> HTMLResponse:
    me = _admin(request)
    try:
        accounts.update_user(sessions=sessions, name=name, disabled=True, by=me.id)
    except (InvalidInput, accounts.AccountError) as exc:
        return _refused(request, sessions, me, show, str(exc))
    return _page(request, sessions, me, show=show,
                 note=f"{_who(name)} is disabled: signed out everywhere, and cannot sign in until enabled again.")


@router.post("/admin/users/enable", response_class=HTMLResponse, dependencies=[CsrfChecked])
def enable(request: Request, sessions: SessionsDep, name: Name, show: Show = "") -> HTMLResponse:
    me = _admin(request)
    try:
        accounts.update_user(sessions=sessions, name=name, disabled=False, by=me.id)
    except (InvalidInput, accounts.AccountError) as exc:
        return _refused(request, sessions, me, show, str(exc))
    return _page(request, sessions, me, show=show, note=f"{_who(name)} is enabled: they can sign in again.")


@router.post("/admin/users/password", response_class=HTMLResponse, dependencies=[CsrfChecked])
def set_password(request: Request, sessions: SessionsDep, name: Name, password: Password, again: Password,
                 show: Show = "") -> HTMLResponse:
    me = _admin(request)
    if password != again:
        return _refused(request, sessions, me, show,
                        f"the two passwords differ: {_who(name)}'s password is unchanged")
    try:
        accounts.update_user(sessions=sessions, name=name, password=password, by=me.id)
    except (InvalidInput, accounts.AccountError) as exc:
        return _refused(request, sessions, me, show, str(exc))
    mine = " (you too: sign in again with the new password)" if _who(name) == me.name else ""
    return _page(request, sessions, me, show=show,
                 note=f"{_who(name)} has a new password and is signed out everywhere{mine}.")


@router.post("/admin/invites", response_class=HTMLResponse, dependencies=[CsrfChecked])
def make_invite(request: Request, sessions: SessionsDep, role: Annotated[str, Form(max_length=16)] = "learner",
                group: GroupF = "", days: Annotated[str, Form(max_length=8)] = str(accounts.INVITE_DAYS),
                show: Show = "") -> HTMLResponse:
    """A one-use sign-up link, as on the coach page (the same service call), for any role and group."""
    me = _admin(request)
    n = int(days.strip()) if days.strip().isdigit() else 0
    try:
        token = accounts.create_invite(sessions=sessions, role=role, group=group, days=n, created_by=me.id)
    except (InvalidInput, accounts.AccountError) as exc:
        return _refused(request, sessions, me, show, f"{_sentence(str(exc))} No link was made")
    link = str(request.base_url).rstrip("/") + f"/signup/{token}"
    return _page(request, sessions, me, show=show, invite_link=link,
                 invite=accounts.invite_info(sessions=sessions, token=token))


@router.post("/admin/invites/revoke", response_class=HTMLResponse, dependencies=[CsrfChecked])
def revoke_invite(request: Request, sessions: SessionsDep, invite: Annotated[str, Form(max_length=12)],
                  show: Show = "") -> HTMLResponse:
    me = _admin(request)
    try:
        inv = accounts.revoke_invite(sessions=sessions, invite_id=int(invite) if invite.isdigit() else 0)
    except accounts.AccountError as exc:
        return _refused(request, sessions, me, show, str(exc))
    what = _a(inv.role) + (f" in {inv.group}" if inv.group else "")
    return _page(request, sessions, me, show=show, note=f"The sign-up link for {what} is revoked: it no longer works.")
