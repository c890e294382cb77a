"""The behavioral and project deep-dive content: the question bank, company value sets, deep-dive probes.

Everything lives under ``src/rounds/bank/behavioral/``:

- ``questions.toml``: ``[[question]]`` tables, each tagged with the signal it tests, what the
  interviewer listens for, the red flags and the likely follow-ups;
- ``values/<company>.toml``: one company's published values in the project's own words, each mapped
  to the signals a story for it should carry;
- ``deep_dive.toml``: ``[[probe]]`` tables, general questions for a project deep dive, grouped by area;
- ``talk_rubric.toml``: ``[[item]]`` tables, what a strong research talk does: the self-assessment
  after a talk rehearsal, each with one line on what a strong talk shows.

This module is plain dataclasses and the standard library: the story database, delivery practice
and the talk builder build on it. ``validate_all()`` is the gate (`rounds validate`) and ``counts()``
the figures (`rounds stats --json`). See docs/behavioral.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BEHAVIORAL_ROOT = Path(__file__).resolve().parent.parent / "bank" / "behavioral"
QUESTIONS_FILE = "questions.toml"
DEEP_DIVE_FILE = "deep_dive.toml"
TALK_RUBRIC_FILE = "talk_rubric.toml"
TALK_RUBRIC_ITEMS = (6, 12)  # how many items the talk rubric holds
VALUES_DIR = "values"

SIGNALS = (
    "problem-solving", "teamwork", "conflict", "communication", "time-management", "decision-making",
    "initiative", "achievement", "growth", "leadership", "mentoring", "adaptability", "ambiguity",
    "ownership", "failure",
)
AREAS = (
    "motivation", "design-decisions", "alternatives", "metrics", "failures", "scale", "collaboration",
    "what-next",
)
MIN_PER_SIGNAL = 4  # questions in the bank per signal
MIN_PER_AREA = 3  # deep-dive probes per area
LISTENING_FOR = (3, 6)
RED_FLAGS = (2, 5)
FOLLOW_UPS = (2, 5)
STRONG_ANSWER = (2, 5)  # what a strong answer to a deep-dive probe shows
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Question:
    id: str  # slug, unique in the bank; stories and delivery history are keyed by it
    signal: str  # one of SIGNALS: the signal the question is asked for
    question: str  # as an interviewer asks it
    listening_for: tuple[str, ...]  # what the interviewer listens for (the delivery self-check)
    red_flags: tuple[str, ...]  # what sinks the answer
    follow_ups: tuple[str, ...]  # what the interviewer is likely to ask next
    also_signals: tuple[str, ...] = ()  # other signals a good story for it carries

    @property
    def signals(self) -> tuple[str, ...]:
        return (self.signal, *self.also_signals)


@dataclass(frozen=True)
class Value:
    id: str  # slug, unique in the company
    name: str  # as the company publishes it
    summary: str  # the value in the project's own words
    signals: tuple[str, ...]  # the signals a story for it carries
    questions_hint: str  # what a story for it should show


@dataclass(frozen=True)
class Company:
    id: str  # the file name: values/<id>.toml
    name: str
    source: str  # where the values come from: the public page and what kind of document it is
    values: tuple[Value, ...]

    def signals(self) -> tuple[str, ...]:
        """The signals the company's values map to, in the order of SIGNALS."""
        wanted = {s for v in self.values for s in v.signals}
        return tuple(s for s in SIGNALS if s in wanted)


@dataclass(frozen=True)
class Probe:
    id: str  # slug, unique among the probes
    area: str  # one of AREAS
    question: str  # as an interviewer asks it about the candidate's project
    strong_answer: tuple[str, ...]  # what a strong answer shows


@dataclass(frozen=True)
class TalkItem:
    id: str  # slug, unique in the rubric; a rehearsal's ticks are stored by it
    item: str  # the check as asked after the talk
    strong: str  # one line: what a strong talk shows


@dataclass
class FileCheck:
    """One file's result in the gate, like the card decks' DeckCheck."""
    file: str  # relative to the behavioral folder: questions.toml, deep_dive.toml, values/<id>.toml
    items: int  # questions, values or probes that loaded
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class Behavioral:
    questions: dict[str, Question] = field(default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)
    probes: dict[str, Probe] = field(default_factory=dict)
    talk_rubric: dict[str, TalkItem] = field(default_factory=dict)  # in the file's order
    failures: dict[str, list[str]] = field(default_factory=dict)  # per file, every problem found

    @property
    def errors(self) -> list[str]:
        return [f for fs in self.failures.values() for f in fs]

    def by_signal(self, signal: str) -> list[Question]:
        """Questions asked for a signal, then those that also carry it."""
        first = [q for q in self.questions.values() if q.signal == signal]
        return first + [q for q in self.questions.values() if signal in q.also_signals]

    def by_area(self, area: str) -> list[Probe]:
        return [p for p in self.probes.values() if p.area == area]


# ---------------------------------------------------------------- parsing


class _Problems:
    """Collects a file's failures; every message starts with the file and the item."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.failures: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.failures.append(f"{self.source}: {where}: {message}" if where else f"{self.source}: {message}")


def _read(path: Path, source: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, f"{source}: the file is missing"
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, f"{source}: {exc}"


def _text(raw: Mapping[str, Any], key: str, where: str, p: _Problems) -> str:
    v = raw.get(key)
    if v is None or (isinstance(v, str) and not v.strip()):
        p.add(where, f"missing field '{key}'")
        return ""
    if not isinstance(v, str):
        p.add(where, f"'{key}' must be a string")
        return ""
    return " ".join(v.split())


def _list(raw: Mapping[str, Any], key: str, where: str, p: _Problems,
          bounds: tuple[int, int] | None = None, required: bool = True) -> tuple[str, ...]:
    if key not in raw:
        if required:
            p.add(where, f"missing field '{key}'")
        return ()
    v = raw[key]
    if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
        p.add(where, f"'{key}' must be a list of non-empty strings")
        return ()
    items = tuple(" ".join(s.split()) for s in v)
    if bounds is not None and not bounds[0] <= len(items) <= bounds[1]:
        p.add(where, f"'{key}' needs {bounds[0]} to {bounds[1]} entries, has {len(items)}")
    if len({s.lower() for s in items}) != len(items):
        p.add(where, f"'{key}' lists the same entry twice")
    return items


def _slug(raw: Mapping[str, Any], what: str, index: int, p: _Problems) -> str | None:
    slug = raw.get("id", "")
    if not isinstance(slug, str) or not SLUG.match(slug):
        p.add(f"{what} #{index + 1}", f"'id' must be a lowercase slug (a-z, 0-9, dashes), got {slug!r}")
        return None
    return slug


def _unknown(raw: Mapping[str, Any], known: set[str], where: str, p: _Problems) -> None:
    extra = sorted(set(raw) - known)
    if extra:
        p.add(where, f"unknown field(s) {extra}")


def _tables(data: Mapping[str, Any], key: str, p: _Problems) -> list[Any]:
    raw = data.get(key, [])
    if not isinstance(raw, list) or not raw:
        p.add("", f"no [[{key}]] tables")
        return []
    return raw


def _signals(items: tuple[str, ...], key: str, where: str, p: _Problems) -> tuple[str, ...]:
    unknown = [s for s in items if s not in SIGNALS]
    if unknown:
        p.add(where, f"'{key}' names unknown signal(s) {unknown}; the signals are {list(SIGNALS)}")
    return tuple(s for s in items if s in SIGNALS)


def normal_question(text: str) -> str:
    """A question's words, lowercase: two questions that differ only in case or punctuation are one."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


QUESTION_FIELDS = {"id", "signal", "question", "listening_for", "red_flags", "follow_ups", "also_signals"}


def parse_questions(data: Mapping[str, Any], source: str = QUESTIONS_FILE) -> tuple[list[Question], list[str]]:
    """The ``[[question]]`` tables of a parsed file; every problem is a failure, a bad entry is skipped."""
    p = _Problems(source)
    out: list[Question] = []
    seen: dict[str, str] = {}
    texts: dict[str, str] = {}
    for i, raw in enumerate(_tables(data, "question", p)):
        if not isinstance(raw, dict):
            p.add(f"question #{i + 1}", "is not a table")
            continue
        slug = _slug(raw, "question", i, p)
        if slug is None:
            continue
        where = f"question '{slug}'"
        before = len(p.failures)
        _unknown(raw, QUESTION_FIELDS, where, p)
        signal = _text(raw, "signal", where, p)
        if signal and signal not in SIGNALS:
            p.add(where, f"unknown signal '{signal}'; the signals are {list(SIGNALS)}")
        text = _text(raw, "question", where, p)
        listening = _list(raw, "listening_for", where, p, LISTENING_FOR)
        flags = _list(raw, "red_flags", where, p, RED_FLAGS)
        follow = _list(raw, "follow_ups", where, p, FOLLOW_UPS)
        also = _signals(_list(raw, "also_signals", where, p, required=False), "also_signals", where, p)
        if signal and signal in also:
            p.add(where, f"'also_signals' repeats its own signal '{signal}'")
        if slug in seen:
            p.add(where, "the id is used twice")
        seen[slug] = slug
        if text:
            key = normal_question(text)
            if key in texts:
                p.add(where, f"duplicate question (same as '{texts[key]}')")
            else:
                texts[key] = slug
        if len(p.failures) == before:
            out.append(Question(slug, signal, text, listening, flags, follow, also))
    return out, p.failures


def coverage_failures(questions: list[Question], source: str = QUESTIONS_FILE) -> list[str]:
    """Every signal has at least MIN_PER_SIGNAL questions asked for it."""
    out = []
    for s in SIGNALS:
        n = sum(q.signal == s for q in questions)
        if n < MIN_PER_SIGNAL:
            out.append(f"{source}: signal '{s}' has {n} question(s), needs at least {MIN_PER_SIGNAL}")
    return out


COMPANY_FIELDS = {"id", "name", "source"}
VALUE_FIELDS = {"id", "name", "summary", "signals", "questions_hint"}


def parse_company(data: Mapping[str, Any], company_id: str,
                  source: str | None = None) -> tuple[Company | None, list[str]]:
    """One company's value set; ``company_id`` is the file name, which the [company] id must equal."""
    p = _Problems(source or f"{VALUES_DIR}/{company_id}.toml")
    meta = data.get("company")
    if not isinstance(meta, dict):
        p.add("", "no [company] table")
        return None, p.failures
    _unknown(meta, COMPANY_FIELDS, "[company]", p)
    unknown_top = sorted(set(data) - {"company", "value"})
    if unknown_top:
        p.add("", f"unknown table(s) {unknown_top}")
    if meta.get("id") != company_id:
        p.add("[company]", f"id must equal the file name '{company_id}', got {meta.get('id')!r}")
    name = _text(meta, "name", "[company]", p)
    src = _text(meta, "source", "[company]", p)
    values: list[Value] = []
    seen: set[str] = set()
    for i, raw in enumerate(_tables(data, "value", p)):
        if not isinstance(raw, dict):
            p.add(f"value #{i + 1}", "is not a table")
            continue
        slug = _slug(raw, "value", i, p)
        if slug is None:
            continue
        where = f"value '{slug}'"
        before = len(p.failures)
        _unknown(raw, VALUE_FIELDS, where, p)
        vname = _text(raw, "name", where, p)
        summary = _text(raw, "summary", where, p)
        hint = _text(raw, "questions_hint", where, p)
        signals = _list(raw, "signals", where, p)
        if raw.get("signals") == []:
            p.add(where, "'signals' is empty: map the value to at least one signal")
        signals = _signals(signals, "signals", where, p)
        if slug in seen:
            p.add(where, "the id is used twice")
        seen.add(slug)
        if len(p.failures) == before:
            values.append(Value(slug, vname, summary, signals, hint))
    if len({v.name.lower() for v in values}) != len(values):
        p.add("", "two values have the same name")
    if p.failures:
        return None, p.failures
    return Company(company_id, name, src, tuple(values)), []


PROBE_FIELDS = {"id", "area", "question", "strong_answer"}


def parse_probes(data: Mapping[str, Any], source: str = DEEP_DIVE_FILE) -> tuple[list[Probe], list[str]]:
    """The ``[[probe]]`` tables; every area needs MIN_PER_AREA probes."""
    p = _Problems(source)
    out: list[Probe] = []
    seen: set[str] = set()
    texts: dict[str, str] = {}
    for i, raw in enumerate(_tables(data, "probe", p)):
        if not isinstance(raw, dict):
            p.add(f"probe #{i + 1}", "is not a table")
            continue
        slug = _slug(raw, "probe", i, p)
        if slug is None:
            continue
        where = f"probe '{slug}'"
        before = len(p.failures)
        _unknown(raw, PROBE_FIELDS, where, p)
        area = _text(raw, "area", where, p)
        if area and area not in AREAS:
            p.add(where, f"unknown area '{area}'; the areas are {list(AREAS)}")
        text = _text(raw, "question", where, p)
        strong = _list(raw, "strong_answer", where, p, STRONG_ANSWER)
        if slug in seen:
            p.add(where, "the id is used twice")
        seen.add(slug)
        if text:
            key = normal_question(text)
            if key in texts:
                p.add(where, f"duplicate question (same as '{texts[key]}')")
            else:
                texts[key] = slug
        if len(p.failures) == before:
            out.append(Probe(slug, area, text, strong))
    if out or not p.failures:
        for a in AREAS:
            n = sum(pr.area == a for pr in out)
            if n < MIN_PER_AREA:
                p.add("", f"area '{a}' has {n} probe(s), needs at least {MIN_PER_AREA}")
    return out, p.failures


TALK_ITEM_FIELDS = {"id", "item", "strong"}


def parse_talk_rubric(data: Mapping[str, Any], source: str = TALK_RUBRIC_FILE) -> tuple[list[TalkItem], list[str]]:
    """The ``[[item]]`` tables of the talk rubric: ids unique, the item and its line present, no item twice."""
    p = _Problems(source)
    out: list[TalkItem] = []
    seen: set[str] = set()
    texts: dict[str, str] = {}
    tables = _tables(data, "item", p)
    for i, raw in enumerate(tables):
        if not isinstance(raw, dict):
            p.add(f"item #{i + 1}", "is not a table")
            continue
        slug = _slug(raw, "item", i, p)
        if slug is None:
            continue
        where = f"item '{slug}'"
        before = len(p.failures)
        _unknown(raw, TALK_ITEM_FIELDS, where, p)
        text = _text(raw, "item", where, p)
        strong = _text(raw, "strong", where, p)
        if slug in seen:
            p.add(where, "the id is used twice")
        seen.add(slug)
        if text:
            key = normal_question(text)
            if key in texts:
                p.add(where, f"the same item as '{texts[key]}'")
            else:
                texts[key] = slug
        if len(p.failures) == before:
            out.append(TalkItem(slug, text, strong))
    lo, hi = TALK_RUBRIC_ITEMS
    if tables and not lo <= len(tables) <= hi:
        p.add("", f"the rubric needs {lo} to {hi} items, has {len(tables)}")
    return out, p.failures


# ---------------------------------------------------------------- loading


def load_bank(root: Path | None = None) -> Behavioral:
    """Everything under root; problems are collected per file in ``failures`` (a bad entry is skipped)."""
    root = root or BEHAVIORAL_ROOT
    b = Behavioral()
    data, err = _read(root / QUESTIONS_FILE, QUESTIONS_FILE)
    fails: list[str] = [err] if err else []
    if data is not None:
        questions, fails = parse_questions(data)
        fails += coverage_failures(questions)
        b.questions = {q.id: q for q in questions}
    b.failures[QUESTIONS_FILE] = fails

    data, err = _read(root / DEEP_DIVE_FILE, DEEP_DIVE_FILE)
    fails = [err] if err else []
    if data is not None:
        probes, fails = parse_probes(data)
        b.probes = {pr.id: pr for pr in probes}
        asked = {normal_question(q.question): q.id for q in b.questions.values()}
        for pr in probes:
            same = asked.get(normal_question(pr.question))
            if same:
                fails.append(f"{DEEP_DIVE_FILE}: probe '{pr.id}': duplicate question "
                             f"(same as question '{same}' in {QUESTIONS_FILE})")
    b.failures[DEEP_DIVE_FILE] = fails

    data, err = _read(root / TALK_RUBRIC_FILE, TALK_RUBRIC_FILE)
    fails = [err] if err else []
    if data is not None:
        items, fails = parse_talk_rubric(data)
        b.talk_rubric = {it.id: it for it in items}
    b.failures[TALK_RUBRIC_FILE] = fails

    folder = root / VALUES_DIR
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        b.failures[VALUES_DIR] = [f"{VALUES_DIR}/: no company value sets"]
    for path in files:
        source = f"{VALUES_DIR}/{path.name}"
        data, err = _read(path, source)
        if data is None:
            b.failures[source] = [err or f"{source}: unreadable"]
            continue
        company, fails = parse_company(data, path.stem, source)
        if not SLUG.match(path.stem):
            fails = [f"{source}: the file name must be a lowercase slug", *fails]
        b.failures[source] = fails
        if company is not None and not fails:
            b.companies[company.id] = company
    return b


_BANK: Behavioral | None = None


def bank() -> Behavioral:
    """The bundled content, loaded once per process."""
    global _BANK
    if _BANK is None:
        _BANK = load_bank()
    return _BANK


# ---------------------------------------------------------------- the gate and the figures


def validate_all(root: Path | None = None) -> list[FileCheck]:
    """The gate: one result per file (questions.toml, deep_dive.toml, talk_rubric.toml, values/<company>.toml)."""
    b = load_bank(root)
    out = []
    for name, fails in b.failures.items():
        if name == QUESTIONS_FILE:
            n = len(b.questions)
        elif name == DEEP_DIVE_FILE:
            n = len(b.probes)
        elif name == TALK_RUBRIC_FILE:
            n = len(b.talk_rubric)
        else:
            stem = Path(name).stem
            n = len(b.companies[stem].values) if stem in b.companies and name != VALUES_DIR else 0
        out.append(FileCheck(name, n, list(fails)))
    return out


def counts(b: Behavioral | None = None) -> dict[str, int]:
    """For `rounds stats --json` (under "behavioral"): questions, company value sets, deep-dive probes,
    the talk rubric's items."""
    b = b or bank()
    return {"questions": len(b.questions), "companies": len(b.companies), "deep_dive": len(b.probes),
            "talk_rubric": len(b.talk_rubric)}


__all__ = [
    "AREAS", "BEHAVIORAL_ROOT", "Behavioral", "Company", "FileCheck", "Probe", "Question", "SIGNALS", "TalkItem", "Value",
    "bank", "counts", "coverage_failures", "load_bank", "normal_question", "parse_company", "parse_probes",
    "parse_questions", "parse_talk_rubric", "validate_all",
]
