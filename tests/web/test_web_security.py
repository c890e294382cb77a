"""The Host and Origin rules, case by case."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from rounds.web.security import Tokens, allowed_hosts, cross_origin, host_name


@pytest.mark.parametrize(("header", "name"), [
    ("127.0.0.1:8000", "127.0.0.1"), ("localhost", "localhost"), ("[::1]:8000", "[::1]"),
    ("LOCALHOST:1", "localhost"), ("evil.example:8000", "evil.example"),
])
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_allowed_hosts_never_include_wildcards() -> None:
    hosts = allowed_hosts("0.0.0.0", ["rounds.internal"])
    assert "0.0.0.0" not in hosts and "rounds.internal" in hosts and "127.0.0.1" in hosts


def _request(headers: dict[str, str]) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "POST", "headers": raw, "path": "/", "query_string": b""})


@pytest.mark.parametrize(("headers", "refused"), [
    ({"origin": "http://127.0.0.1:8000"}, False),
    ({"origin": "http://127.0.0.1:9999"}, True),
    ({"origin": "null"}, True),
    ({"referer": "http://127.0.0.1:8000/p/x"}, False),
    ({"referer": "http://evil.example/"}, True),
    ({"sec-fetch-site": "same-site", "origin": "http://127.0.0.1:8000"}, True),
    ({"sec-fetch-site": "same-origin", "origin": "http://127.0.0.1:8000"}, False),
    ({}, False),  # not a browser: the CSRF token decides
])
def test_cross_origin(headers: dict[str, str], refused: bool) -> None:
    assert (cross_origin(_request(headers), "127.0.0.1:8000") is not None) == refused


def test_csrf_tokens_are_bound_to_their_session() -> None:
    tokens = Tokens(b"k" * 32)
    a, b = tokens.new_session(), tokens.new_session()
    assert tokens.check(a, tokens.csrf_for(a))
    assert not tokens.check(b, tokens.csrf_for(a))
    assert not tokens.check(a, None) and not tokens.check(None, tokens.csrf_for(a))
    assert Tokens(b"other" * 8).csrf_for(a) != tokens.csrf_for(a)
