"""The fundamentals card bank: decks of open, computed and choice cards, their loader, grading and gate.

One deck per folder under ``src/rounds/bank/cards/<deck>/``: ``deck.toml`` holds the cards as
``[[card]]`` tables; computed cards name functions in ``gen.py`` next to it. A card's id is
``<deck>/<slug>``. Everything here is plain data and the standard library: the review queue, the
phone-screen mode, the web and the CLI build on these functions. See docs/cards.md.
"""

from __future__ import annotations

import importlib.util
import math
import random
import re
import sys
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

CARDS_ROOT = Path(__file__).resolve().parent.parent / "bank" / "cards"
KINDS = ("open", "computed", "choice")
DRAWS = 100  # random draws on which a computed card's answer and check must agree
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MIN_POINTS, MAX_POINTS = 3, 6  # an open card's key points
Params = dict[str, Any]


class CardError(ValueError):
    """A malformed deck or card; the message names the file and the card id."""


@dataclass(frozen=True)
class KeyPoint:
    point: str  # what a good answer must contain, in one line
    synonyms: tuple[str, ...] = ()  # words and phrases whose presence suggests the point is made


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str  # why it is right, or why it is wrong (shown when picked)


@dataclass(frozen=True)
class Card:
    id: str  # <deck>/<slug>
    deck: str
    kind: str  # open | computed | choice
    question: str  # for computed cards: a template with {param} fields
    answer: str  # the short model answer (for computed cards: the method)
    key_points: tuple[KeyPoint, ...]
    deeper: str  # the follow-up an interviewer asks next
    tags: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # other card ids where the ideas connect
    source: str = ""  # the deck file, for messages
    # computed
    generator: str = ""
    answer_fn: str = ""
    check_fn: str = ""
    examples: tuple[tuple[Params, float], ...] = ()
    abs_tol: float = 0.0
    rel_tol: float = 0.0
    unit: str = ""
    # choice
    options: tuple[Option, ...] = ()
    multiple: bool = False

    @property
    def slug(self) -> str:
        return self.id.split("/", 1)[1]


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    path: Path
    cards: tuple[Card, ...]
    module: ModuleType | None = None  # gen.py, when the deck has computed cards


@dataclass
class Bank:
    decks: dict[str, Deck] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # every problem found while loading

    @property
    def cards(self) -> dict[str, Card]:
        return {c.id: c for d in self.decks.values() for c in d.cards}

    def get(self, card_id: str) -> Card:
        try:
            return self.cards[card_id]
        except KeyError:
            raise KeyError(f"no card with id '{card_id}'") from None

    def function(self, card: Card, name: str) -> Callable[..., Any]:
        mod = self.decks[card.deck].module
        fn = getattr(mod, name, None) if mod is not None else None
        if not callable(fn):
            raise CardError(f"{card.source}: card '{card.id}': gen.py has no function '{name}'")
        return fn  # type: ignore[no-any-return]


# ---------------------------------------------------------------- loading


def _text(raw: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
    v = raw.get(key, "")
    if not isinstance(v, str):
        raise CardError(f"{where}: '{key}' must be a string")
    if required and not v.strip():
        raise CardError(f"{where}: missing field '{key}'")
    return v.strip()


def _strings(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    v = raw.get(key, [])
    if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
        raise CardError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(s.strip() for s in v)


def _number(v: Any, where: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise CardError(f"{where}: expected a number, got {v!r}")
    return float(v)


def _card(raw: Any, deck: str, source: str, index: int) -> Card:
    if not isinstance(raw, dict):
        raise CardError(f"{source}: card #{index + 1} is not a table")
    slug = raw.get("id", "")
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise CardError(f"{source}: card #{index + 1}: 'id' must be a lowercase slug (a-z, 0-9, dashes), "
                        f"got {slug!r}")
    cid = f"{deck}/{slug}"
    where = f"{source}: card '{cid}'"
    kind = raw.get("kind", "")
    if kind not in KINDS:
        raise CardError(f"{where}: 'kind' must be one of {KINDS}, got {kind!r}")
    known = {"id", "kind", "question", "answer", "key_points", "deeper", "tags", "links", "generator",
             "answer_fn", "check_fn", "examples", "abs_tol", "rel_tol", "unit", "options", "multiple"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise CardError(f"{where}: unknown field(s) {unknown}")
    points_raw = raw.get("key_points", [])
    if not isinstance(points_raw, list) or not points_raw:
        raise CardError(f"{where}: 'key_points' is missing or empty")
    points = []
    for i, kp in enumerate(points_raw):
        kw = f"{where}: key point {i + 1}"
        if isinstance(kp, str):
            kp = {"point": kp}
        if not isinstance(kp, dict):
            raise CardError(f"{kw}: must be a table with 'point' and 'synonyms'")
        points.append(KeyPoint(_text(kp, "point", kw), _strings(kp, "synonyms", kw)))
    if kind == "open":
        if not MIN_POINTS <= len(points) <= MAX_POINTS:
            raise CardError(f"{where}: an open card needs {MIN_POINTS} to {MAX_POINTS} key points, has {len(points)}")
        missing = [i + 1 for i, kp in enumerate(points) if not kp.synonyms]
        if missing:
            raise CardError(f"{where}: key point(s) {missing} have no synonyms for the coverage hint")
    common: dict[str, Any] = dict(
        id=cid, deck=deck, kind=kind, source=source,
        question=_text(raw, "question", where), answer=_text(raw, "answer", where),
        key_points=tuple(points), deeper=_text(raw, "deeper", where),
        tags=_strings(raw, "tags", where), links=_strings(raw, "links", where),
    )
    if kind == "computed":
        examples = []
        for i, ex in enumerate(raw.get("examples", [])):
            ew = f"{where}: example {i + 1}"
            if not isinstance(ex, dict) or not isinstance(ex.get("params"), dict) or "answer" not in ex:
                raise CardError(f"{ew}: must be a table with 'params' (a table) and 'answer' (a number)")
            examples.append((dict(ex["params"]), _number(ex["answer"], ew)))
        common.update(
            generator=_text(raw, "generator", where), answer_fn=_text(raw, "answer_fn", where),
            check_fn=_text(raw, "check_fn", where, required=False), examples=tuple(examples),
            abs_tol=_number(raw.get("abs_tol", 0), f"{where}: abs_tol"),
            rel_tol=_number(raw.get("rel_tol", 0), f"{where}: rel_tol"),
            unit=_text(raw, "unit", where, required=False),
        )
        if not common["check_fn"] and not examples:
            raise CardError(f"{where}: a computed card needs 'check_fn' (an independent formula) "
                            "or 'examples' (stated answers for fixed parameters), or both")
        if common["abs_tol"] < 0 or common["rel_tol"] < 0:
            raise CardError(f"{where}: tolerances must not be negative")
    elif kind == "choice":
        opts_raw = raw.get("options", [])
        if not isinstance(opts_raw, list) or len(opts_raw) < 2:
            raise CardError(f"{where}: a choice card needs at least two 'options'")
        opts = []
        for i, o in enumerate(opts_raw):
            ow = f"{where}: option {i + 1}"
            if not isinstance(o, dict) or not isinstance(o.get("correct", False), bool):
                raise CardError(f"{ow}: must be a table with 'text', 'correct' (true/false) and 'why'")
            opts.append(Option(_text(o, "text", ow), bool(o.get("correct", False)), _text(o, "why", ow)))
        multiple = raw.get("multiple", False)
        if not isinstance(multiple, bool):
            raise CardError(f"{where}: 'multiple' must be true or false")
        n_right = sum(o.correct for o in opts)
        if n_right == 0:
            raise CardError(f"{where}: no option is marked correct")
        if not multiple and n_right != 1:
            raise CardError(f"{where}: a single-choice card must mark exactly one option correct, marks {n_right}")
        if len({o.text.lower() for o in opts}) != len(opts):
            raise CardError(f"{where}: two options have the same text")
        common.update(options=tuple(opts), multiple=multiple)
    else:
        for k in ("generator", "answer_fn", "check_fn", "examples", "options", "multiple"):
            if k in raw:
                raise CardError(f"{where}: '{k}' does not belong on an open card")
    return Card(**common)


def _module(path: Path, deck: str) -> ModuleType:
    name = f"rounds_cards_{deck.replace('-', '_')}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise CardError(f"{deck}/gen.py: cannot be imported")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    try:
        spec.loader.exec_module(mod)
    except Exception as exc:  # a broken generator module is a deck error, not a crash
        raise CardError(f"{deck}/gen.py: failed to import: {type(exc).__name__}: {exc}") from None
    return mod


def load_deck(folder: Path) -> Deck:
    """One deck folder; raises CardError naming the file and the card for the first problem."""
    toml = folder / "deck.toml"
    source = f"{folder.name}/deck.toml"
    try:
        data = tomllib.loads(toml.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CardError(f"{source}: {exc}") from None
    meta = data.get("deck", {})
    deck = folder.name
    if not isinstance(meta, dict) or meta.get("id", deck) != deck:
        raise CardError(f"{source}: [deck] id must equal the folder name '{deck}'")
    title = _text(meta, "title", f"{source}: [deck]")
    cards_raw = data.get("card", [])
    if not isinstance(cards_raw, list) or not cards_raw:
        raise CardError(f"{source}: no [[card]] tables")
    cards = tuple(_card(c, deck, source, i) for i, c in enumerate(cards_raw))
    seen: set[str] = set()
    for c in cards:
        if c.id in seen:
            raise CardError(f"{source}: card '{c.id}': the id is used twice")
        seen.add(c.id)
    module = None
    if any(c.kind == "computed" for c in cards):
        gen = folder / "gen.py"
        if not gen.is_file():
            raise CardError(f"{source}: the deck has computed cards but no gen.py")
        module = _module(gen, deck)
    return Deck(deck, title, folder, cards, module)


def _normal_question(q: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", q.lower()))


def load_bank(root: Path | None = None) -> Bank:
    """Every deck under root; problems are collected in ``errors`` (a bad deck is skipped, not fatal)."""
    root = root or CARDS_ROOT
    bank = Bank()
    if not root.is_dir():
        return bank
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / "deck.toml").is_file()):
        try:
            bank.decks[folder.name] = load_deck(folder)
        except CardError as exc:
            bank.errors.append(str(exc))
    cards = bank.cards
    questions: dict[str, str] = {}
    for c in cards.values():
        q = _normal_question(c.question)
        if q in questions:
            bank.errors.append(f"{c.source}: card '{c.id}': duplicate question (same as '{questions[q]}')")
        else:
            questions[q] = c.id
        for link in c.links:
            if link not in cards:
                bank.errors.append(f"{c.source}: card '{c.id}': link '{link}' does not resolve to a card")
            elif link == c.id:
                bank.errors.append(f"{c.source}: card '{c.id}': links to itself")
    return bank


_BANK: Bank | None = None


def bank() -> Bank:
    """The bundled bank, loaded once per process."""
    global _BANK
    if _BANK is None:
        _BANK = load_bank()
    return _BANK


# ---------------------------------------------------------------- computed cards


@dataclass(frozen=True)
class Instance:
    """A computed card drawn for one seed: the question with its numbers, the answer, the tolerance."""
    card_id: str
    seed: int
    params: Params
    question: str
    answer: float
    abs_tol: float
    rel_tol: float
    unit: str

    def close(self, value: float) -> bool:
        return _close(value, self.answer, self.abs_tol, self.rel_tol)


def _close(value: float, expected: float, abs_tol: float, rel_tol: float) -> bool:
    if not (math.isfinite(value) and math.isfinite(expected)):
        return False
    return abs(value - expected) <= max(abs_tol, rel_tol * abs(expected)) + 1e-12 * max(1.0, abs(expected))


def _draw(b: Bank, card: Card, seed: int) -> Params:
    rng = random.Random(f"{card.id}:{seed}")  # string seeds are stable across runs and machines
    params = b.function(card, card.generator)(rng)
    if not isinstance(params, dict):
        raise CardError(f"{card.source}: card '{card.id}': generator '{card.generator}' must return a dict")
    return params


def render(card: Card, seed: int, b: Bank | None = None) -> Instance:
    """The card drawn for ``seed`` (same seed, same numbers)."""
    if card.kind != "computed":
        raise CardError(f"card '{card.id}' is not a computed card")
    b = b or bank()
    params = _draw(b, card, seed)
    try:
        question = card.question.format(**params)
    except (KeyError, IndexError, ValueError) as exc:
        raise CardError(f"{card.source}: card '{card.id}': the question template needs {exc} "
                        "which the generator does not draw") from None
    value = float(b.function(card, card.answer_fn)(params))
    return Instance(card.id, seed, params, question, value, card.abs_tol, card.rel_tol, card.unit)


@dataclass(frozen=True)
class NumericGrade:
    status: str  # correct | wrong | skipped (empty answer: "I don't know") | unreadable
    expected: float
    given: float | None
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"


_SUFFIX = {"k": 1e3, "m": 1e6, "g": 1e9, "b": 1e9, "t": 1e12}


def parse_number(text: str) -> float | None:
    """'1,024', '3.5e9', '12 GB'-free numbers, '7B' (k, M, G/B, T suffixes), '25%' (= 0.25); None if unreadable."""
    t = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not t:
        return None
    scale = 1.0
    if t.endswith("%"):
        t, scale = t[:-1], 0.01
    elif t[-1:].lower() in _SUFFIX and not t.lower().endswith("e"):
        t, scale = t[:-1], _SUFFIX[t[-1].lower()]
    try:
        v = float(t) * scale
    except ValueError:
        if "/" in t:  # a fraction such as 3/8
            a, _, c = t.partition("/")
            try:
                return float(a) / float(c) * scale
            except (ValueError, ZeroDivisionError):
                return None
        return None
    return v if math.isfinite(v) else None


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) and abs(x) < 1e15 else f"{x:.6g}"


def grade_number(inst: Instance, typed: str) -> NumericGrade:
    """Grade a typed number against a drawn instance: exact, or within the card's tolerance."""
    if not typed.strip():
        return NumericGrade("skipped", inst.answer, None, f"no answer (I don't know): it is {_fmt(inst.answer)}")
    text = typed.strip()
    if inst.unit and text.lower().endswith(inst.unit.lower()):  # "16 GB" on a card whose unit is GB
        text = text[: -len(inst.unit)]
    v = parse_number(text)
    if v is None:
        return NumericGrade("unreadable", inst.answer, None,
                            f"'{typed.strip()}' is not a number (try 1024, 3.5e9, 7B or 25%)")
    tol = max(inst.abs_tol, inst.rel_tol * abs(inst.answer))
    within = f" (within {_fmt(tol)})" if tol else ""
    if inst.close(v):
        return NumericGrade("correct", inst.answer, v, f"correct: {_fmt(inst.answer)}{within}")
    return NumericGrade("wrong", inst.answer, v, f"{_fmt(v)} is off: the answer is {_fmt(inst.answer)}{within}")


# ---------------------------------------------------------------- choice cards


@dataclass(frozen=True)
class ChoiceGrade:
    status: str  # correct | wrong | skipped
    picked: tuple[int, ...]
    right: tuple[int, ...]  # indices of the correct options
    reasons: tuple[tuple[int, str], ...]  # (index, why) for every wrong pick and every missed answer

    @property
    def correct(self) -> bool:
        return self.status == "correct"


def grade_choice(card: Card, picked: list[int] | tuple[int, ...] | set[int] | str) -> ChoiceGrade:
    """Grade picked options (0-based indices, or letters such as "a" or "a,c"); an empty pick is a skip."""
    if card.kind != "choice":
        raise CardError(f"card '{card.id}' is not a choice card")
    if isinstance(picked, str):
        letters = re.findall(r"[a-z]", picked.lower())
        idx = tuple(sorted({ord(ch) - ord("a") for ch in letters}))
    else:
        idx = tuple(sorted(set(picked)))
    bad = [i for i in idx if not 0 <= i < len(card.options)]
    if bad:
        raise ValueError(f"card '{card.id}' has {len(card.options)} options; no option {bad[0]}")
    right = tuple(i for i, o in enumerate(card.options) if o.correct)
    if not idx:
        return ChoiceGrade("skipped", idx, right, tuple((i, card.options[i].why) for i in right))
    reasons = tuple((i, card.options[i].why) for i in idx if not card.options[i].correct)
    reasons += tuple((i, card.options[i].why) for i in right if i not in idx)
    return ChoiceGrade("correct" if idx == right else "wrong", idx, right, reasons)


# ---------------------------------------------------------------- open cards: the coverage hint

_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower())]


def _stem(w: str) -> str:
    """A plural fold so 'gradients' meets 'gradient'; other word forms meet through prefixes."""
    if len(w) > 4 and w.endswith(("ses", "xes", "zes", "ches", "shes")):
        return w[:-2]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "as")) else w


@dataclass(frozen=True)
class PointHint:
    point: str
    seen: bool
    matched: tuple[str, ...]  # the synonyms found in the answer


@dataclass(frozen=True)
class CoverageHint:
    """A lexical hint, not a grade: words can be present in a wrong answer and absent from a right one."""
    points: tuple[PointHint, ...]

    @property
    def seen(self) -> int:
        return sum(p.seen for p in self.points)

    label = "hint: word overlap with the key points, not a grade; mark yourself against the key points"


def coverage_hint(card: Card, text: str) -> CoverageHint:
    """For each key point, which of its synonyms (whole words or phrases) appear in the typed answer."""
    words = tokens(text)
    out = []
    for kp in card.key_points:
        found = tuple(s for s in kp.synonyms if _phrase_in(tokens(s), words))
        out.append(PointHint(kp.point, bool(found), found))
    return CoverageHint(tuple(out))


def _word_match(syn: str, word: str) -> bool:
    """Equal, or a synonym of five letters or more that starts the word ('normalis' meets 'normalisation')."""
    return word == syn or (len(syn) >= 5 and word.startswith(syn))


def _phrase_in(phrase: list[str], words: list[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(all(_word_match(p, w) for p, w in zip(phrase, words[i:i + n], strict=True))
                         for i in range(len(words) - n + 1))


# ---------------------------------------------------------------- the gate and the counts


@dataclass
class DeckCheck:
    deck: str  # deck id, or a file when the deck did not load
    cards: int
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def check_computed(b: Bank, card: Card, draws: int = DRAWS) -> list[str]:
    """The answer function agrees with the stated examples and, on ``draws`` seeds, with the check."""
    out: list[str] = []
    where = f"{card.source}: card '{card.id}'"
    try:
        answer = b.function(card, card.answer_fn)
        for params, expected in card.examples:
            got = float(answer(dict(params)))
            if not _close(got, expected, card.abs_tol, card.rel_tol):
                out.append(f"{where}: answer_fn gives {_fmt(got)} for {params}, the card states {_fmt(expected)}")
        check = b.function(card, card.check_fn) if card.check_fn else None
        for seed in range(draws):
            inst = render(card, seed, b)
            if not math.isfinite(inst.answer):
                out.append(f"{where}: seed {seed}: the answer is not a finite number")
                break
            if check is not None:
                ref = float(check(dict(inst.params)))
                if not _close(inst.answer, ref, card.abs_tol, card.rel_tol):
                    out.append(f"{where}: seed {seed} {inst.params}: answer_fn gives {_fmt(inst.answer)}, "
                               f"check_fn gives {_fmt(ref)}")
                    break
            if inst.params != _draw(b, card, seed):
                out.append(f"{where}: the generator is not deterministic for a seed")
                break
    except CardError as exc:
        out.append(str(exc))
    except Exception as exc:  # a generator or formula that raises is a failing card
        out.append(f"{where}: {type(exc).__name__}: {exc}")
    return out


def validate_all(root: Path | None = None, draws: int = DRAWS) -> list[DeckCheck]:
    """The gate for the card bank: one result per deck folder, failures naming the file and the card."""
    b = load_bank(root) if root is not None else load_bank()
    results: dict[str, DeckCheck] = {d: DeckCheck(d, len(deck.cards)) for d, deck in b.decks.items()}
    for e in b.errors:  # every message starts with "<deck>/deck.toml" or "<deck>/gen.py"
        name = e.split("/", 1)[0]
        results.setdefault(name, DeckCheck(name, 0)).failures.append(e)
    for d, deck in b.decks.items():
        t0 = time.perf_counter()
        for c in deck.cards:
            if c.kind == "computed":
                results[d].failures += check_computed(b, c, draws)
        results[d].seconds = time.perf_counter() - t0
    return [results[d] for d in sorted(results)]


def counts(b: Bank | None = None) -> dict[str, Any]:
    """For `rounds stats --json`: cards in total, per kind and per deck."""
    b = b or bank()
    cards = b.cards.values()
    return {
        "cards": len(cards),
        "kinds": {k: sum(c.kind == k for c in cards) for k in KINDS},
        "decks": {d: len(deck.cards) for d, deck in sorted(b.decks.items())},
        "not_loaded": len(b.errors),
    }


__all__ = [
    "Bank", "Card", "CardError", "ChoiceGrade", "CoverageHint", "Deck", "DeckCheck", "Instance", "KeyPoint",
    "NumericGrade", "Option", "PointHint", "bank", "check_computed", "counts", "coverage_hint", "grade_choice",
    "grade_number", "load_bank", "load_deck", "parse_number", "render", "tokens", "validate_all",
]
