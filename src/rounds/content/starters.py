"""Starters that show only what is unlocked: a multi-level starter's stubs of later levels are
held back until their level opens, then handed over (see :func:`stubs_for`).

A method belongs to the first level whose statement names it as a call (`` `name(` ``); a method
no statement names (``__init__``, helpers) is always shown. Comment lines that head a later
level's block (``# Level 3 ...``) go with it.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache

from rounds.content.package import Problem

_CALL = re.compile(r"`(?:\w+\.)?(\w+)\(")
_LEVEL_COMMENT = re.compile(r"^\s*#\s*Level\s+(\d+)", re.I)


def method_levels(problem: Problem) -> dict[str, int]:
    """Method name -> the level whose statement first names it."""
    first: dict[str, int] = {}
    for lv in problem.levels:
        for name in _CALL.findall(lv.statement):
            first.setdefault(name, lv.number)
    return first


def starter_upto(problem: Problem, level: int) -> str:
    """The starter with the stubs (and their comments) of levels after ``level`` left out."""
    return _starter_upto(problem.id, problem.starter, tuple(lv.statement for lv in problem.levels), level)


@lru_cache(maxsize=256)
def _starter_upto(pid: str, starter: str, statements: tuple[str, ...], level: int) -> str:
    if len(statements) < 2 or level >= len(statements):
        return starter
    first: dict[str, int] = {}
    for n, text in enumerate(statements, 1):
        for name in _CALL.findall(text):
            first.setdefault(name, n)
    try:
        tree = ast.parse(starter)
    except SyntaxError:
        return starter
    lines = starter.splitlines(keepends=True)
    drop: set[int] = set()  # 0-based line numbers
    emptied: list[ast.ClassDef] = []
    for node in tree.body:
        defs = node.body if isinstance(node, ast.ClassDef) else [node]
        kept = 0
        for fn in defs:
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                kept += 1
                continue
            if first.get(fn.name, 0) <= level:
                kept += 1
                continue
            start = min([fn.lineno, *(d.lineno for d in fn.decorator_list)]) - 1
            assert fn.end_lineno is not None
            # The comment block right above (blank lines between allowed) goes with the method.
            i = start - 1
            while i >= 0 and (lines[i].strip().startswith("#") or not lines[i].strip()):
                if lines[i].strip().startswith("#"):
                    m = _LEVEL_COMMENT.match(lines[i])
                    if m and int(m.group(1)) <= level:
                        break
                    start = i
                i -= 1
            drop.update(range(start, fn.end_lineno))
        if isinstance(node, ast.ClassDef) and kept == 0:
            emptied.append(node)
    out = [ln for i, ln in enumerate(lines) if i not in drop]
    text = re.sub(r"\n{4,}", "\n\n\n", "".join(out)).rstrip() + "\n"
    if emptied:
        return starter  # a class with nothing left would not parse: keep the whole starter
    return text


def stubs_for(problem: Problem, level: int) -> str:
    """The stubs level ``level`` adds to the starter, as the text between ``starter_upto(level - 1)``
    and ``starter_upto(level)`` (indented for the class body); empty when it adds none."""
    if level < 2:
        return ""
    before = starter_upto(problem, level - 1).splitlines(keepends=True)
    after = starter_upto(problem, level).splitlines(keepends=True)
    import difflib

    added = [ln[1:] for ln in difflib.unified_diff(before, after, n=0)
             if ln.startswith("+") and not ln.startswith("+++")]
    return "".join(added)


def add_stubs(code: str, problem: Problem, level: int) -> str | None:
    """``code`` with level ``level``'s stubs added at the end of its class ``problem.entry``: only the
    methods it does not define yet. None when there is nothing to add or no such class."""
    stubs = stubs_for(problem, level)
    if not stubs.strip():
        return None
    try:
        mine = ast.parse(code)
        theirs = ast.parse("class _S:\n" + stubs)
    except SyntaxError:
        return None
    cls = next((n for n in mine.body if isinstance(n, ast.ClassDef) and n.name == problem.entry), None)
    if cls is None or cls.end_lineno is None:
        return None
    have = {n.name for n in cls.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    holder = theirs.body[0]
    assert isinstance(holder, ast.ClassDef)
    new = [n.name for n in holder.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    if not [n for n in new if n not in have]:
        return None
    lines = code.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    at = cls.end_lineno
    block = "\n" + stubs if not stubs.startswith("\n") else stubs
    return "".join(lines[:at]) + block + "".join(lines[at:])
