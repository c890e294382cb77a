"""A test client that behaves like the browser the pages are written for."""

from __future__ import annotations

import re
import time
import warnings
from typing import Any

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # starlette prefers httpx2 to httpx; the client behaves the same with either.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

__all__ = ["BASE", "Browser", "TestClient"]

BASE = "http://127.0.0.1:8000"

class Browser:
    """A test client that sends what a browser sends: its own Origin and the page's CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.token = ""

    def get(self, url: str, **kw: Any) -> Any:
        r = self.client.get(url, **kw)
        m = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', r.text)
        if m:
            self.token = m.group(1)
        return r

    def post(self, url: str, data: dict[str, str] | None = None, *, htmx: bool = True, **kw: Any) -> Any:
        if not self.token:
            self.get("/catalog")
        headers = {"Origin": BASE, "X-CSRF-Token": self.token, **kw.pop("headers", {})}
        if htmx:
            headers["HX-Request"] = "true"
        return self.client.post(url, data=data or {}, headers=headers, **kw)

    def wait_job(self, fragment: str, timeout: float = 90.0) -> str:
        """Poll a results fragment until its job is done; returns the final fragment."""
        deadline = time.monotonic() + timeout
        while 'data-done="no"' in fragment:
            if time.monotonic() > deadline:
                raise AssertionError("the judging job did not finish in time")
            m = re.search(r'hx-get="(/jobs/[^"]+)"', fragment)
            assert m, fragment
            time.sleep(0.1)
            fragment = self.get(m.group(1), headers={"HX-Request": "true"}).text
        return fragment
