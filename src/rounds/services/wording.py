"""How feedback reads to a person: checker messages and complexity tiers in plain words.

The judge's messages are terse ("[0]: got 5", "O(n) expected, yours grows like n: on track");
both faces (terminal and browser) show them through these functions.
"""

from __future__ import annotations

import re
from typing import Any

_PATH = r"(?P<path>(?:\[[^\]]*\])+)"
_NOT_EXPECTED = re.compile(rf"^{_PATH}: (?P<got>.*) != expected$")
_LEADING_PATH = re.compile(rf"^{_PATH}(?P<rest>(?::| has | differs | keys ).*)$", re.S)
_VALUE = re.compile(r"^value(?P<rest>(?::| has ).*)$", re.S)
_ARRAY = re.compile(r"^array(?P<rest> (?:has|differs) .*)$", re.S)
_TIER = re.compile(r"^(?P<expected>.+?) expected, yours grows like (?P<grows>\S+?)(?P<ok>: on track)?$")


def feedback_text(message: str | None) -> str:
    """A checker message that says where in the return value it differs ("[0]" alone does not)."""
    if not message:
        return ""
    m = _NOT_EXPECTED.match(message)
    if m:
        return f"your return value{m['path']} is {m['got']}, not the expected value"
    m = _LEADING_PATH.match(message)
    if m:
        return f"your return value{m['path']}{m['rest']}"
    m = _VALUE.match(message)
    if m:
        rest = m["rest"]
        if rest.endswith(" != expected"):
            return f"your return value is {rest[2:-len(' != expected')]}, not the expected value"
        return f"your return value{rest}"
    m = _ARRAY.match(message)
    if m:
        return f"your returned array{m['rest']}"
    return message


def complexity_text(complexity: dict[str, Any] | None) -> str:
    """The complexity tier as a verdict: "On track: ..." or "Slower than expected: ..."."""
    if not complexity or not complexity.get("message"):
        return ""
    message = str(complexity["message"])
    tier = complexity.get("tier")
    m = _TIER.match(message)
    if m and (tier == "on-track" or m["ok"]):
        return f"On track: your time grows like {m['grows']}, in line with the expected {m['expected']}."
    if m:
        return f"Slower than expected: your time grows like {m['grows']}; {m['expected']} is expected."
    if tier == "slower":
        return f"Slower than expected: {message}."
    if tier == "unmeasured":
        return f"Not measured: {message}."
    return message


_NO_ENTRY = re.compile(r"^solution\.py defines no (?P<kind>class|function) named (?P<name>\w+)")


def missing_entry_text(message: str, code: str, *, impl: str | None = None, filename: str | None = None) -> str:
    """The judge's "solution.py defines no class named X", saying what the code does define and,
    for an imported task, that solution.py is the user's copy of ``impl``; ``filename`` names the
    file as the user named it (``rounds judge ID my_db.py``)."""
    m = _NO_ENTRY.match(message or "")
    if not m:
        return message
    import ast

    try:
        tree = ast.parse(code)
    except SyntaxError:
        return message
    kind = "class" if m["kind"] == "class" else "function"
    found = [n.name for n in tree.body if isinstance(n, ast.ClassDef if kind == "class" else
                                                         ast.FunctionDef | ast.AsyncFunctionDef)]
    where = filename or (f"solution.py (your {impl})" if impl else "solution.py")
    seen = (f"it defines the {kind}{'es' if kind == 'class' and len(found) > 1 else ''}"
            f"{'s' if kind == 'function' and len(found) > 1 else ''} {', '.join(found)}" if found
            else f"it defines no {kind} at all")
    rest = message[m.end():]
    return f"{where} defines no {kind} named {m['name']}{rest}; {seen}. The tests look for {m['name']}."


__all__ = ["complexity_text", "feedback_text", "missing_entry_text"]
