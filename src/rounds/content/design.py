"""The design-round bank: ML model design and ML infra design prompts, their loader, gate and helpers.

One prompt per file under ``src/rounds/bank/design/<kind>/<slug>.toml``, kind ``model`` or
``infra``. A prompt holds the interviewer's opening line, the clarifying questions with the
answers the interviewer gives, five timed phases each with a reference outline, a rubric of 10-20
items tagged with a signal and a senior/staff note, the follow-up probes and the common pitfalls.
Everything here is plain data and the standard library; the practice session, the web and the CLI
build on it. The lexical matching is the card bank's (``rounds.content.cards``). See docs/design.md.
"""

from __future__ import annotations

import re
import time
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rounds.content.cards import _phrase_in, tokens

DESIGN_ROOT = Path(__file__).resolve().parent.parent / "bank" / "design"
KINDS = ("model", "infra")
COUNT_KEYS = {"model": "model-design", "infra": "infra-design"}  # the names in `rounds stats --json`
PHASES = ("framing", "high-level", "step-by-step", "deep-dives", "wrap-up")
LENGTHS = (45, 60)  # a round's minutes
SIGNALS = (
    "problem-framing", "ml-objective", "data-and-labels", "features", "architecture", "serving",
    "scale", "evaluation", "trade-offs", "communication",
)
MIN_RUBRIC, MAX_RUBRIC = 10, 20
MIN_CLARIFY, MAX_CLARIFY = 5, 10
MIN_PROBES, MAX_PROBES = 5, 10
MIN_PITFALLS = 3
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FALLBACK_ANSWER = "The interviewer would say: that is your call; state your assumption."

_PROMPT_FIELDS = {"id", "kind", "title", "minutes", "opening", "tags", "summary"}
_CLARIFY_FIELDS = {"question", "answer", "keywords"}
_PHASE_FIELDS = {"name", "minutes", "outline"}
_RUBRIC_FIELDS = {"id", "item", "signal", "phase", "senior", "staff", "synonyms"}
_TOP_FIELDS = {"prompt", "clarify", "phase", "rubric"}


@dataclass(frozen=True)
class Clarify:
    question: str  # a question a strong candidate asks
    answer: str  # what the interviewer answers
    keywords: tuple[str, ...]  # words and phrases that match a user's question to this answer


@dataclass(frozen=True)
class Phase:
    name: str  # framing | high-level | step-by-step | deep-dives | wrap-up
    minutes: int
    outline: str  # Markdown: what a strong answer covers in this phase


@dataclass(frozen=True)
class RubricItem:
    id: str  # slug, unique in the prompt
    item: str  # one concrete thing a strong answer does
    signal: str  # one of SIGNALS
    phase: str  # the phase whose outline covers it
    senior: str  # what a senior answer does here
    staff: str  # what separates a staff answer
    synonyms: tuple[str, ...]  # for the coverage hint on the user's notes


@dataclass(frozen=True)
class Prompt:
    id: str  # the slug (the file name)
    kind: str  # model | infra (the folder)
    title: str
    minutes: int  # 45 or 60
    opening: str  # the interviewer's opening line
    tags: tuple[str, ...]
    clarify: tuple[Clarify, ...]
    phases: tuple[Phase, ...]
    rubric: tuple[RubricItem, ...]
    probes: tuple[str, ...]
    pitfalls: tuple[str, ...]
    summary: str = ""  # optional one line for lists
    source: str = ""  # <kind>/<slug>.toml, for messages

    @property
    def key(self) -> str:
        """``<kind>/<slug>``: the prompt's identity for sessions and history."""
        return f"{self.kind}/{self.id}"

    def phase(self, name: str) -> Phase:
        for p in self.phases:
            if p.name == name:
                return p
        raise KeyError(f"prompt '{self.key}' has no phase '{name}'")

    def item(self, item_id: str) -> RubricItem:
        for r in self.rubric:
            if r.id == item_id:
                return r
        raise KeyError(f"prompt '{self.key}' has no rubric item '{item_id}'")


@dataclass
class DesignBank:
    prompts: dict[str, Prompt] = field(default_factory=dict)  # keyed by <kind>/<slug>
    failures: dict[str, list[str]] = field(default_factory=dict)  # <kind>/<slug> -> problems found loading
    seconds: dict[str, float] = field(default_factory=dict)  # <kind>/<slug> -> time to load and check

    @property
    def errors(self) -> list[str]:
        return [m for ms in self.failures.values() for m in ms]

    def of_kind(self, kind: str) -> list[Prompt]:
        return [p for p in self.prompts.values() if p.kind == kind]

    def get(self, prompt_id: str) -> Prompt:
        """By ``<kind>/<slug>`` or by the bare slug."""
        if prompt_id in self.prompts:
            return self.prompts[prompt_id]
        found = [p for p in self.prompts.values() if p.id == prompt_id]
        if len(found) == 1:
            return found[0]
        raise KeyError(f"no design prompt with id '{prompt_id}'")


# ---------------------------------------------------------------- loading and checking one file


class _Checker:
    """Collects every problem in one prompt file instead of stopping at the first."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.failures: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{self.source}: {where}{': ' if where else ''}{message}")

    def text(self, raw: Mapping[str, Any], key: str, where: str) -> str:
        v = raw.get(key)
        if v is None or (isinstance(v, str) and not v.strip()):
            self.fail(where, f"missing field '{key}'")
            return ""
        if not isinstance(v, str):
            self.fail(where, f"'{key}' must be a string, got {type(v).__name__}")
            return ""
        return v.strip()

    def strings(self, raw: Mapping[str, Any], key: str, where: str, required: bool = True) -> tuple[str, ...]:
        v = raw.get(key)
        if v is None:
            if required:
                self.fail(where, f"missing field '{key}'")
            return ()
        if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
            self.fail(where, f"'{key}' must be a list of non-empty strings")
            return ()
        return tuple(s.strip() for s in v)

    def minutes(self, raw: Mapping[str, Any], where: str) -> int:
        v = raw.get("minutes")
        if v is None:
            self.fail(where, "missing field 'minutes'")
            return 0
        if isinstance(v, bool) or not isinstance(v, int):
            self.fail(where, f"'minutes' must be a whole number, got {v!r}")
            return 0
        return v

    def unknown(self, raw: Mapping[str, Any], known: set[str], where: str) -> None:
        extra = sorted(set(raw) - known)
        if extra:
            self.fail(where, f"unknown field(s) {', '.join(repr(k) for k in extra)}")

    def tables(self, data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
        v = data.get(key, [])
        if not isinstance(v, list) or not all(isinstance(t, dict) for t in v):
            self.fail("", f"'{key}' must be [[{key}]] tables")
            return []
        return v


def _is_strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(s, str) and s.strip() for s in v)


def _lists_at_end(data: dict[str, Any], c: _Checker) -> dict[str, Any]:
    """Find ``probes`` and ``pitfalls``: at the top of the file, in [prompt], or at its end.

    Written at the end of the file, after the last ``[[rubric]]`` table, TOML reads them as keys of
    that last table; they are lifted out here. Inside any other rubric item, or in two places at
    once, they are an error.
    """
    out: dict[str, Any] = {}
    prompt = data.get("prompt")
    rubric = data.get("rubric")
    tables = [r for r in rubric if isinstance(r, dict)] if isinstance(rubric, list) else []
    last = tables[-1] if tables else None
    for key in ("probes", "pitfalls"):
        places: list[tuple[str, Mapping[str, Any]]] = [
            (where, table) for where, table in
            (("the top of the file", data), ("[prompt]", prompt), ("the end of the file", last))
            if isinstance(table, dict) and key in table]
        if len(places) > 1:
            c.fail("", f"'{key}' is given in more than one place ({' and '.join(w for w, _ in places)})")
        if places:
            out[key] = places[-1][1][key]
        for i, r in enumerate(tables[:-1]):
            if key in r:
                c.fail(f"rubric #{i + 1}", f"'{key}' sits inside a rubric item; write it at the end of the file")
    if last is not None:
        for key in ("probes", "pitfalls"):
            last.pop(key, None)
    if isinstance(prompt, dict):
        for key in ("probes", "pitfalls"):
            prompt.pop(key, None)
    for key in ("probes", "pitfalls"):
        data.pop(key, None)
    return out


def check_prompt_data(data: dict[str, Any], kind: str, slug: str, source: str) -> tuple[Prompt | None, list[str]]:
    """Check one parsed prompt file; the Prompt when it passes, and every failure found."""
    c = _Checker(source)
    lists = _lists_at_end(data, c)
    c.unknown(data, _TOP_FIELDS, "")
    meta = data.get("prompt")
    if not isinstance(meta, dict):
        c.fail("", "no [prompt] table")
        meta = {}
    w = "[prompt]"
    c.unknown(meta, _PROMPT_FIELDS, w)
    pid = meta.get("id")
    if pid is None:
        c.fail(w, f"missing field 'id' (the file name, '{slug}')")
    elif pid != slug:
        c.fail(w, f"id {pid!r} must equal the file name '{slug}'")
    if not SLUG.match(slug):
        c.fail("", f"the file name '{slug}' must be a lowercase slug (a-z, 0-9, dashes)")
    pkind = meta.get("kind")
    if pkind is None:
        c.fail(w, f"missing field 'kind' (the folder, '{kind}')")
    elif pkind != kind:
        c.fail(w, f"kind {pkind!r} must equal the folder '{kind}'")
    if kind not in KINDS:
        c.fail("", f"the folder '{kind}' is not a kind; use one of {', '.join(KINDS)}")
    title = c.text(meta, "title", w)
    opening = c.text(meta, "opening", w)
    summary = meta.get("summary", "")
    if not isinstance(summary, str):
        c.fail(w, "'summary' must be a string")
        summary = ""
    tags = c.strings(meta, "tags", w, required=False)
    minutes = c.minutes(meta, w)
    if "minutes" in meta and isinstance(meta["minutes"], int) and minutes not in LENGTHS:
        c.fail(w, f"minutes must be 45 or 60 (the round's length), got {minutes}")

    # clarifying questions
    clarify: list[Clarify] = []
    raw_clarify = c.tables(data, "clarify")
    if not MIN_CLARIFY <= len(raw_clarify) <= MAX_CLARIFY:
        c.fail("", f"{len(raw_clarify)} [[clarify]] entries; a prompt has {MIN_CLARIFY} to {MAX_CLARIFY}")
    for i, raw in enumerate(raw_clarify):
        where = f"clarify #{i + 1}"
        c.unknown(raw, _CLARIFY_FIELDS, where)
        q, a = c.text(raw, "question", where), c.text(raw, "answer", where)
        kw = c.strings(raw, "keywords", where)
        if "keywords" in raw and not kw and isinstance(raw["keywords"], list):
            c.fail(where, "'keywords' is empty; give the words that match a user's question to this answer")
        clarify.append(Clarify(q, a, kw))

    # phases
    phases: list[Phase] = []
    raw_phases = c.tables(data, "phase")
    names = [p.get("name") for p in raw_phases]
    if tuple(names) != PHASES:
        c.fail("", f"phases must be exactly {', '.join(PHASES)} in this order, got "
                   f"{', '.join(str(n) for n in names) or 'none'}")
    for i, raw in enumerate(raw_phases):
        where = f"phase '{raw.get('name', f'#{i + 1}')}'"
        c.unknown(raw, _PHASE_FIELDS, where)
        m = c.minutes(raw, where)
        if "minutes" in raw and isinstance(m, int) and m <= 0:
            c.fail(where, f"minutes must be positive, got {m}")
        phases.append(Phase(str(raw.get("name", "")), m, c.text(raw, "outline", where)))
    total = sum(p.minutes for p in phases)
    if minutes in LENGTHS and phases and total != minutes:
        c.fail("", f"the phases add up to {total} minutes, the round is {minutes}")

    # rubric
    rubric: list[RubricItem] = []
    raw_rubric = c.tables(data, "rubric")
    if not MIN_RUBRIC <= len(raw_rubric) <= MAX_RUBRIC:
        c.fail("", f"{len(raw_rubric)} rubric items; a prompt has {MIN_RUBRIC} to {MAX_RUBRIC}")
    outlines = {p.name: tokens(p.outline) for p in phases}
    seen: set[str] = set()
    for i, raw in enumerate(raw_rubric):
        rid = raw.get("id")
        if not isinstance(rid, str) or not SLUG.match(rid):
            c.fail(f"rubric #{i + 1}", f"'id' must be a lowercase slug, got {rid!r}")
            rid = f"#{i + 1}"
        elif rid in seen:
            c.fail(f"rubric '{rid}'", "the id is used twice")
        seen.add(rid)
        where = f"rubric '{rid}'"
        c.unknown(raw, _RUBRIC_FIELDS, where)
        item = c.text(raw, "item", where)
        signal = c.text(raw, "signal", where)
        if signal and signal not in SIGNALS:
            c.fail(where, f"unknown signal '{signal}'; use one of {', '.join(SIGNALS)}")
        phase = c.text(raw, "phase", where)
        senior, staff = c.text(raw, "senior", where), c.text(raw, "staff", where)
        syns = c.strings(raw, "synonyms", where)
        if "synonyms" in raw and not syns and isinstance(raw["synonyms"], list):
            c.fail(where, "'synonyms' is empty; the coverage hint needs at least one")
        if phase and phase not in PHASES:
            c.fail(where, f"phase '{phase}' is not one of {', '.join(PHASES)}")
        elif phase in outlines and syns and not any(_phrase_in(tokens(s), outlines[phase]) for s in syns):
            c.fail(where, f"the '{phase}' outline does not mention it (none of its synonyms "
                          f"{', '.join(repr(s) for s in syns)} occurs in that outline)")
        rubric.append(RubricItem(rid, item, signal, phase, senior, staff, syns))

    # probes and pitfalls
    probes = c.strings(lists, "probes", "")
    if _is_strings(lists.get("probes")) and not MIN_PROBES <= len(probes) <= MAX_PROBES:
        c.fail("", f"{len(probes)} probes; a prompt has {MIN_PROBES} to {MAX_PROBES}")
    pitfalls = c.strings(lists, "pitfalls", "")
    if _is_strings(lists.get("pitfalls")) and len(pitfalls) < MIN_PITFALLS:
        c.fail("", f"{len(pitfalls)} pitfalls; a prompt has at least {MIN_PITFALLS}")

    if c.failures:
        return None, c.failures
    return Prompt(slug, kind, title, minutes, opening, tags, tuple(clarify), tuple(phases), tuple(rubric),
                  probes, pitfalls, summary.strip(), source), []


def load_prompt(path: Path) -> tuple[Prompt | None, list[str]]:
    """One prompt file ``<kind>/<slug>.toml``: the prompt (None when it fails) and its failures."""
    kind, slug = path.parent.name, path.stem
    source = f"{kind}/{path.name}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, [f"{source}: {exc}"]
    return check_prompt_data(data, kind, slug, source)


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def load_bank(root: Path | None = None) -> DesignBank:
    """Every prompt under root; a failing prompt is left out and its failures kept (never fatal)."""
    root = root or DESIGN_ROOT
    b = DesignBank()
    if not root.is_dir():
        return b
    for stray in sorted(root.glob("*.toml")):
        b.failures[stray.stem] = [f"{stray.name}: a prompt file belongs in a kind folder ({', '.join(KINDS)})"]
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        for path in sorted(folder.glob("*.toml")):
            key = f"{folder.name}/{path.stem}"
            t0 = time.perf_counter()
            prompt, failures = load_prompt(path)
            b.seconds[key] = time.perf_counter() - t0
            if prompt is not None:
                b.prompts[key] = prompt
            else:
                b.failures[key] = failures
    ids: dict[str, str] = {}
    titles: dict[str, str] = {}
    for key, p in b.prompts.items():
        for seen, value, what in ((ids, p.id, "id"), (titles, _normal(p.title), "title")):
            if value in seen:
                b.failures.setdefault(key, []).append(
                    f"{p.source}: the prompt {what} is used twice (also by '{seen[value]}')")
            else:
                seen[value] = key
    for key in b.failures:
        b.prompts.pop(key, None)
    return b


_BANK: DesignBank | None = None


def bank() -> DesignBank:
    """The bundled design bank, loaded once per process."""
    global _BANK
    if _BANK is None:
        _BANK = load_bank()
    return _BANK


# ---------------------------------------------------------------- the coverage hint on notes


@dataclass(frozen=True)
class ItemHint:
    id: str
    item: str
    seen: bool
    matched: tuple[str, ...]  # the synonyms found in the notes


@dataclass(frozen=True)
class DesignHint:
    """A lexical hint, not a grade: words can be present in weak notes and absent from strong ones."""
    items: tuple[ItemHint, ...]

    @property
    def seen(self) -> int:
        return sum(i.seen for i in self.items)

    def get(self, item_id: str) -> ItemHint:
        for i in self.items:
            if i.id == item_id:
                return i
        raise KeyError(item_id)

    label = "hint: word overlap between your notes and each rubric item, not a grade; mark each item yourself"


def coverage_hint(notes_text: str, rubric_items: Prompt | Iterable[RubricItem]) -> DesignHint:
    """For each rubric item, which of its synonyms occur in the notes (the card bank's matching:
    lowercase whole words with a light plural fold, a synonym of five letters or more also matching
    the words it begins, a phrase as consecutive words)."""
    items = rubric_items.rubric if isinstance(rubric_items, Prompt) else tuple(rubric_items)
    words = tokens(notes_text)
    out = []
    for r in items:
        found = tuple(s for s in r.synonyms if _phrase_in(tokens(s), words))
        out.append(ItemHint(r.id, r.item, bool(found), found))
    return DesignHint(tuple(out))


# ---------------------------------------------------------------- the interviewer's clarifying answers

_STOP = frozenset(tokens(  # folded like the words they are compared with
    "a an and are as at be by can do does did for from has have how i if in is it its of on or our "
    "should so that the there this to us we what when where which who will with would you your "
    "any about much many"))


def match_clarifying(prompt: Prompt, user_question: str) -> Clarify | None:
    """The clarify entry whose keywords best match the question, or None when none matches.

    Score: the number of the entry's keywords found in the question (same matching as the coverage
    hint); ties go to the entry whose own question shares more content words with the user's, then
    to the earlier entry.
    """
    words = tokens(user_question)
    if not words:
        return None
    content = {w for w in words if w not in _STOP}
    best: tuple[int, int, int] = (0, 0, 0)
    pick: Clarify | None = None
    for i, cl in enumerate(prompt.clarify):
        hits = sum(_phrase_in(tokens(k), words) for k in cl.keywords)
        if not hits:
            continue
        overlap = len(content & {w for w in tokens(cl.question) if w not in _STOP})
        score = (hits, overlap, -i)
        if pick is None or score > best:
            best, pick = score, cl
    return pick


def answer_clarifying(prompt: Prompt, user_question: str) -> str:
    """What the interviewer says to a clarifying question: the best-matching answer, or the fallback."""
    cl = match_clarifying(prompt, user_question)
    return cl.answer if cl is not None else FALLBACK_ANSWER


# ---------------------------------------------------------------- the gate and the counts


@dataclass
class PromptCheck:
    prompt: str  # <kind>/<slug>
    rubric: int  # rubric items (0 when the prompt failed to load)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def validate_all(root: Path | None = None) -> list[PromptCheck]:
    """The gate for the design bank: one result per prompt file, failures naming the file and the part."""
    b = load_bank(root)
    results = [PromptCheck(k, len(p.rubric)) for k, p in b.prompts.items()]
    results += [PromptCheck(k, 0, list(f)) for k, f in b.failures.items()]
    for r in results:
        r.seconds = b.seconds.get(r.prompt, 0.0)
    return sorted(results, key=lambda r: r.prompt)


def counts(b: DesignBank | None = None) -> dict[str, int]:
    """For `rounds stats --json`: prompts that pass the gate, per round."""
    b = b or bank()
    return {COUNT_KEYS[k]: len(b.of_kind(k)) for k in KINDS}


__all__ = [
    "Clarify", "DesignBank", "DesignHint", "FALLBACK_ANSWER", "ItemHint", "PHASES", "Phase", "Prompt",
    "PromptCheck", "RubricItem", "SIGNALS", "answer_clarifying", "bank", "check_prompt_data", "counts",
    "coverage_hint", "load_bank", "load_prompt", "match_clarifying", "validate_all",
]
