"""Template rendering: one Jinja2 environment, filters for verdicts, times and Markdown."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.responses import HTMLResponse

from rounds.content.vocabulary import round_name
from rounds.domain.verdict import Verdict
from rounds.services.wording import complexity_text, feedback_text
from rounds.web import markdown

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
# Templates ship with the package: no need to look at their files' times on every render.
templates.env.auto_reload = False


def _md(text: str | None) -> Markup:
    return Markup(markdown.render(text or ""))  # safe: render() sanitises with nh3


def _ms(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h {m:02d}m" if h else f"{m}m {s:02d}s"


def _clock(seconds: float | None) -> str:
    """Seconds as the page's clocks show them: ``1:05:09`` or ``5:09``."""
    s = int(seconds or 0)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _when(ts: datetime | None) -> str:
    if ts is None:
        return ""
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _iso(ts: datetime | None) -> str:
    if ts is None:
        return ""
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone(UTC).isoformat()


def _verdict_label(v: str | Verdict) -> str:
    try:
        return Verdict(v).label
    except ValueError:
        return str(v)


templates.env.filters.update(markdown=_md, ms=_ms, duration=_duration, clock=_clock, round_name=round_name,
                             feedback_text=feedback_text, complexity_text=complexity_text, when=_when, iso=_iso,
                             verdict_label=_verdict_label)
templates.env.globals["static_built"] = (HERE / "static" / "dist" / "app.js").exists()


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with the request, its CSRF token and the current section."""
    context.setdefault("section", "")
    context["csrf_token"] = request.state.csrf
    context["judge_mode"] = getattr(request.app.state, "judge_mode", "")
    context["user"] = getattr(request.state, "user", None)  # who is signed in (accounts on), else None
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
