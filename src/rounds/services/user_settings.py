"""The user's own settings, kept in the database so that every browser and session sees them."""

from __future__ import annotations

from typing import Any

from rounds.services.errors import InvalidInput
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import User

EDITOR_DEFAULTS: dict[str, Any] = {"fontSize": 14, "wrap": False, "theme": "page"}
THEMES = ("page", "light", "dark")


def editor_settings(*, sessions: SessionFactory) -> dict[str, Any]:
    """The editor's font size, line wrap and theme for the local user (the defaults until changed)."""
    with sessions.begin() as s:
        user = s.get(User, repo.local_user_id(s))
        stored = (user.settings or {}).get("editor", {}) if user else {}
    return {**EDITOR_DEFAULTS, **{k: v for k, v in stored.items() if k in EDITOR_DEFAULTS}}


def save_editor_settings(*, sessions: SessionFactory, font_size: int, wrap: bool, theme: str) -> dict[str, Any]:
    """Store the editor's settings for the local user; InvalidInput for a value out of range."""
    if not 10 <= font_size <= 28:
        raise InvalidInput(f"font size must be 10 to 28 px, not {font_size}")
    if theme not in THEMES:
        raise InvalidInput(f"theme must be one of {', '.join(THEMES)}, not {theme!r}")
    chosen = {"fontSize": font_size, "wrap": bool(wrap), "theme": theme}
    with sessions.begin() as s:
        user = s.get(User, repo.local_user_id(s))
        assert user is not None
        user.settings = {**(user.settings or {}), "editor": chosen}
    return chosen


__all__ = ["editor_settings", "save_editor_settings"]
