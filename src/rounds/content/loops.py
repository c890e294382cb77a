"""Loop templates: a mock interview loop as data (``bank/loops/<id>.toml``).

A template names its rounds by kind and minutes, with the breaks between them::

    [loop]
    id = "mle-onsite"                # the file name, a lowercase slug
    title = "MLE onsite"
    summary = "..."                  # optional, one line
    company = "Meta"                 # optional: a company preset
    reported = "..."                 # a preset's account of the publicly reported loop (required with company)
    break_minutes = 10               # optional: the break after each round unless the round says otherwise

    [[round]]
    kind = "coding"                  # one of KINDS
    title = "Algorithms"
    minutes = 45
    tracks = ["algo"]                # coding: the tracks to draw from (algo, ml, oop)
    difficulty = ["medium"]          # coding, optional
    tags = ["graph"]                 # coding, optional: any of them
    questions = 4                    # cards-screen, behavioral, deep-dive: how many questions
    talk = true                      # deep-dive: a research talk on your own work
    ai_assisted = true               # codebase: an assistant is allowed
    break_after = 15                 # optional: this round's break

Templates ship in the bank; the user's own live in ``<data dir>/loops/*.toml`` and replace a
bundled one with the same id. A kind the catalog has nothing for (no codebase packages yet, a
coding filter that matches nothing) is a *note*, never an error: the run marks that round missing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOOPS_ROOT = Path(__file__).resolve().parent.parent / "bank" / "loops"
KINDS = ("cards-screen", "coding", "model-design", "infra-design", "behavioral", "deep-dive", "codebase")
KIND_NAMES = {"cards-screen": "fundamentals cards", "coding": "coding", "model-design": "ML model design",
              "infra-design": "ML infra design", "behavioral": "behavioral", "deep-dive": "deep dive",
              "codebase": "codebase"}
TRACKS = ("algo", "ml", "oop")
DIFFICULTIES = ("easy", "medium", "hard")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MINUTES = (5, 240)
BREAK_MINUTES = (0, 60)
QUESTIONS = (1, 20)
_LOOP_FIELDS = {"id", "title", "summary", "company", "reported", "break_minutes"}
_ROUND_FIELDS = {"kind", "title", "minutes", "tracks", "difficulty", "tags", "questions", "talk", "ai_assisted",
                 "break_after", "decks"}
_DEFAULT_QUESTIONS = {"cards-screen": 5, "behavioral": 4, "deep-dive": 4}


@dataclass(frozen=True)
class RoundSpec:
    kind: str
    title: str
    minutes: int
    break_after: int  # minutes of break allowed after this round (0 after the last)
    tracks: tuple[str, ...] = ()
    difficulty: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    questions: int = 0
    talk: bool = False
    ai_assisted: bool = False
    decks: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "minutes": self.minutes, "break_after": self.break_after,
                "tracks": list(self.tracks), "difficulty": list(self.difficulty), "tags": list(self.tags),
                "questions": self.questions, "talk": self.talk, "ai_assisted": self.ai_assisted,
                "decks": list(self.decks)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> RoundSpec:
        return cls(kind=d["kind"], title=d["title"], minutes=int(d["minutes"]), break_after=int(d["break_after"]),
                   tracks=tuple(d.get("tracks", ())), difficulty=tuple(d.get("difficulty", ())),
                   tags=tuple(d.get("tags", ())), questions=int(d.get("questions", 0)),
                   talk=bool(d.get("talk", False)), ai_assisted=bool(d.get("ai_assisted", False)),
                   decks=tuple(d.get("decks", ())))


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    rounds: tuple[RoundSpec, ...]
    summary: str = ""
    company: str = ""
    reported: str = ""
    source: str = ""  # where it was read from: bundled | <data dir file name>

    @property
    def minutes(self) -> int:
        """The rounds' minutes, breaks left out."""
        return sum(r.minutes for r in self.rounds)

    @property
    def preset(self) -> bool:
        return bool(self.company)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "summary": self.summary, "company": self.company,
                "reported": self.reported, "rounds": [r.as_json() for r in self.rounds]}


@dataclass
class Loops:
    templates: dict[str, Template] = field(default_factory=dict)
    failures: dict[str, list[str]] = field(default_factory=dict)  # file -> problems found

    def get(self, template_id: str) -> Template:
        try:
            return self.templates[template_id]
        except KeyError:
            known = ", ".join(sorted(self.templates)) or "none"
            raise KeyError(f"there is no loop template '{template_id}' (known: {known})") from None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self.templates.values(), key=lambda t: (t.preset, t.minutes, t.id)))


def _strings(raw: dict[str, Any], key: str, where: str, errors: list[str],
             allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
    v = raw.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        errors.append(f"{where}: {key} must be a list of strings")
        return ()
    if allowed is not None:
        bad = [x for x in v if x not in allowed]
        if bad:
            errors.append(f"{where}: {key} '{bad[0]}' is not one of {', '.join(allowed)}")
    return tuple(v)


def _int(raw: dict[str, Any], key: str, where: str, errors: list[str], bounds: tuple[int, int],
         default: int | None = None) -> int:
    v = raw.get(key, default)
    if isinstance(v, bool) or not isinstance(v, int):
        errors.append(f"{where}: {key} must be a whole number" + ("" if key in raw else " (missing)"))
        return bounds[0]
    if not bounds[0] <= v <= bounds[1]:
        errors.append(f"{where}: {key} must be between {bounds[0]} and {bounds[1]}, not {v}")
    return v


def parse_template(data: dict[str, Any], slug: str, source: str = "") -> tuple[Template | None, list[str]]:
    """A template from a parsed TOML document; its problems, each naming where."""
    errors: list[str] = []
    unknown_top = sorted(set(data) - {"loop", "round"})
    if unknown_top:
        errors.append(f"unknown table '{unknown_top[0]}' (a template has [loop] and [[round]])")
    loop = data.get("loop")
    if not isinstance(loop, dict):
        return None, [*errors, "missing the [loop] table"]
    for k in sorted(set(loop) - _LOOP_FIELDS):
        errors.append(f"[loop]: unknown field '{k}'")
    tid = loop.get("id")
    if tid != slug:
        errors.append(f"[loop]: id must be the file name '{slug}', not {tid!r}")
    if not SLUG.match(slug):
        errors.append(f"the file name '{slug}' is not a lowercase slug")
    title = loop.get("title")
    if not isinstance(title, str) or not title.strip():
        errors.append("[loop]: title is missing")
        title = slug
    company = loop.get("company", "")
    reported = loop.get("reported", "")
    if not isinstance(company, str) or not isinstance(reported, str):
        errors.append("[loop]: company and reported are text")
        company, reported = "", ""
    if company and not reported.strip():
        errors.append("[loop]: a company preset says what was reported (reported = \"...\")")
    summary = loop.get("summary", "")
    if not isinstance(summary, str):
        errors.append("[loop]: summary is text")
        summary = ""
    default_break = _int(loop, "break_minutes", "[loop]", errors, BREAK_MINUTES, default=0)
    raw_rounds = data.get("round")
    if not isinstance(raw_rounds, list) or not raw_rounds:
        return None, [*errors, "a template needs at least one [[round]]"]
    rounds: list[RoundSpec] = []
    for n, raw in enumerate(raw_rounds, 1):
        where = f"round {n}"
        if not isinstance(raw, dict):
            errors.append(f"{where}: not a table")
            continue
        for k in sorted(set(raw) - _ROUND_FIELDS):
            errors.append(f"{where}: unknown field '{k}'")
        kind = raw.get("kind")
        if kind not in KINDS:
            errors.append(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
            continue
        rtitle = raw.get("title", KIND_NAMES[kind])
        if not isinstance(rtitle, str) or not rtitle.strip():
            errors.append(f"{where}: title is text")
            rtitle = KIND_NAMES[kind]
        minutes = _int(raw, "minutes", where, errors, MINUTES)
        last = n == len(raw_rounds)
        brk = _int(raw, "break_after", where, errors, BREAK_MINUTES, default=0 if last else default_break)
        tracks = _strings(raw, "tracks", where, errors, TRACKS)
        difficulty = _strings(raw, "difficulty", where, errors, DIFFICULTIES)
        tags = _strings(raw, "tags", where, errors)
        decks = _strings(raw, "decks", where, errors)
        if kind != "coding" and (tracks or difficulty or tags):
            errors.append(f"{where}: tracks, difficulty and tags are filters of a coding round")
        if kind == "coding" and not tracks:
            errors.append(f"{where}: a coding round names its tracks (algo, ml, oop)")
        if decks and kind != "cards-screen":
            errors.append(f"{where}: decks belong to a cards-screen round")
        questions = 0
        if kind in _DEFAULT_QUESTIONS:
            questions = _int(raw, "questions", where, errors, QUESTIONS, default=_DEFAULT_QUESTIONS[kind])
        elif "questions" in raw:
            errors.append(f"{where}: questions belong to cards-screen, behavioral and deep-dive rounds")
        talk, ai = raw.get("talk", False), raw.get("ai_assisted", False)
        if not isinstance(talk, bool) or not isinstance(ai, bool):
            errors.append(f"{where}: talk and ai_assisted are true or false")
            talk, ai = False, False
        if talk and kind != "deep-dive":
            errors.append(f"{where}: talk = true belongs to a deep-dive round")
        if ai and kind != "codebase":
            errors.append(f"{where}: ai_assisted belongs to a codebase round")
        rounds.append(RoundSpec(kind=kind, title=rtitle.strip(), minutes=minutes, break_after=0 if last else brk,
                                tracks=tracks, difficulty=difficulty, tags=tags, questions=questions, talk=talk,
                                ai_assisted=ai, decks=decks))
    if errors:
        return None, errors
    return Template(id=slug, title=title.strip(), rounds=tuple(rounds), summary=summary.strip(),
                    company=company.strip(), reported=" ".join(reported.split()), source=source), []


def load_template(path: Path, source: str = "bundled") -> tuple[Template | None, list[str]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, [f"cannot read: {exc}"]
    return parse_template(data, path.stem, source)


def user_root() -> Path:
    from rounds.config import get_settings

    return get_settings().data_dir / "loops"


def load_loops(root: Path | None = None, user: Path | None = None) -> Loops:
    """The bundled templates, then the user's own (which replace a bundled one of the same id)."""
    out = Loops()
    for folder, source in ((root or LOOPS_ROOT, "bundled"), (user, "mine")):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            t, errors = load_template(path, source)
            name = path.name if source == "bundled" else f"mine/{path.name}"
            if errors:
                out.failures[name] = errors
            elif t is not None:
                out.templates[t.id] = t
    return out


def loops() -> Loops:
    """Bundled and user templates, read afresh (they are small and the user may edit theirs)."""
    return load_loops(user=user_root())


# ---------------------------------------------------------------- what the catalog has for a round


def available(spec: RoundSpec) -> str:
    """Empty when the catalog has something for the round; else why not (a note, not an error)."""
    if spec.kind in ("coding", "codebase"):
        from rounds.content.catalog import catalog

        n = len(coding_candidates(spec, catalog()))
        if n:
            return ""
        return ("the catalog has no codebase round yet" if spec.kind == "codebase"
                else f"no problem matches tracks={','.join(spec.tracks)} difficulty={','.join(spec.difficulty)} "
                     f"tags={','.join(spec.tags)}")
    if spec.kind in ("model-design", "infra-design"):
        from rounds.content.design import bank as design_bank

        kind = spec.kind.split("-")[0]
        return "" if design_bank().of_kind(kind) else f"the design bank has no {kind} prompt"
    if spec.kind == "cards-screen":
        from rounds.content.cards import bank as cards_bank

        b = cards_bank()
        missing = [d for d in spec.decks if d not in b.decks]
        if missing:
            return f"no card deck '{missing[0]}'"
        return "" if b.cards else "the card bank is empty"
    from rounds.content.behavioral import bank as behavioral_bank

    bb = behavioral_bank()
    if spec.kind == "behavioral":
        return "" if bb.questions else "the behavioral bank has no questions"
    return "" if bb.probes else "the behavioral bank has no deep-dive probes"


def coding_candidates(spec: RoundSpec, cat: Any) -> list[Any]:
    """The problems a coding (or codebase) round may draw from."""
    if spec.kind == "codebase":
        return [p for p in cat if p.track == "codebase"]
    tags = {t.lower() for t in spec.tags}
    return [p for p in cat if p.track in spec.tracks and (not spec.difficulty or p.difficulty in spec.difficulty)
            and (not tags or tags & {t.lower() for t in p.tags})]


def validate_all(root: Path | None = None) -> tuple[list[str], list[str]]:
    """(errors, notes) over the bundled templates: an error fails the gate; a note says which round
    kinds the catalog lacks (the run marks such a round missing)."""
    lp = load_loops(root)
    errors = [f"loops/{name}: {e}" for name, errs in sorted(lp.failures.items()) for e in errs]
    notes = []
    for t in lp:
        for n, r in enumerate(t.rounds, 1):
            why = available(r)
            if why:
                notes.append(f"loops/{t.id}.toml: round {n} ({r.title}): {why}")
    return errors, notes


def counts(root: Path | None = None) -> dict[str, int]:
    """For `rounds stats --json`: templates, company presets, rounds."""
    lp = load_loops(root)
    ts = list(lp)
    return {"templates": len(ts), "presets": sum(t.preset for t in ts), "rounds": sum(len(t.rounds) for t in ts)}
