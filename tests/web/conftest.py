"""Fixtures of the web tests: an app on an isolated data dir, and a client that speaks like a browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_client import BASE, Browser, TestClient

from rounds.config import Settings
from rounds.web.app import create_app


@pytest.fixture
def app(settings: Settings) -> Any:
    return create_app(settings)


@pytest.fixture
def browser(app: Any) -> Iterator[Browser]:
    with TestClient(app, base_url=BASE) as client:
        yield Browser(client)
