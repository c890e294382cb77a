"""The user's own cards: add, edit, tag, import and export (CSV, and a file Anki imports).

A user card is an open card in the deck ``mine``: ``mine/<slug>``, the slug made from the
question when the card is added and never changed after, so that its review history (keyed by the
card id) survives edits and re-imports: importing a card whose id (or, without an id, whose
question) is already there updates it in place.

CSV: a header row, then one card a row. Columns: ``id`` (optional), ``question``, ``answer``,
``key_points`` (separated by ``|``), ``tags`` (separated by spaces), ``deeper`` (optional).

Anki: tab-separated text with Anki's header lines (``#separator:tab``, ``#html:true``,
``#guid column:1``, ``#tags column:4``): the card id, the front, the back (the answer, then the
key points as a list), the tags. Importing such a file back reads the same columns.

A file with any bad line imports nothing; the error names the line.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rounds.content.cards import Bank, Card, Deck, KeyPoint, bank
from rounds.domain.attempt import now_utc
from rounds.services.errors import InvalidInput
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import UserCard

DECK = "mine"
DECK_TITLE = "My cards"
CSV_COLUMNS = ("id", "question", "answer", "key_points", "tags", "deeper")
MAX_TEXT = 5000
MAX_POINTS = 12
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({
    "about", "after", "again", "against", "because", "before", "being", "between", "could", "does", "doing",
    "during", "every", "having", "their", "there", "these", "those", "through", "under", "until", "where", "which",
    "while", "would", "should", "that", "this", "with", "from", "into", "than", "then", "them", "they", "what",
    "when", "your",
})


def slugify(text: str, max_len: int = 60) -> str:
    words = _SLUG_WORD.findall(text.lower())
    slug = ""
    for w in words:
        if len(slug) + len(w) + 1 > max_len:
            break
        slug = f"{slug}-{w}" if slug else w
    return slug or "card"


def _synonyms(point: str) -> tuple[str, ...]:
    """The words of a key point that a typed answer making the point would likely contain (for the hint)."""
    words = [w for w in _SLUG_WORD.findall(point.lower()) if len(w) >= 4 and w not in _STOP]
    return tuple(dict.fromkeys(words))


def as_card(row: UserCard) -> Card:
    points = row.key_points or []
    return Card(id=f"{DECK}/{row.slug}", deck=DECK, kind="open", question=row.question, answer=row.answer,
                key_points=tuple(KeyPoint(p, _synonyms(p)) for p in points), deeper=row.deeper or "",
                tags=tuple(row.tags or ()), source="your cards")


def own_cards(*, sessions: SessionFactory) -> list[Card]:
    with sessions.begin() as s:
        rows = s.scalars(select(UserCard).where(UserCard.user_id == repo.local_user_id(s)).order_by(UserCard.id)).all()
        return [as_card(r) for r in rows]


def practice_bank(*, sessions: SessionFactory, base: Bank | None = None) -> Bank:
    """The bundled decks plus the user's own (deck ``mine``, when they have written a card)."""
    base = base or bank()
    mine = own_cards(sessions=sessions)
    if not mine:
        return base
    return Bank(decks={**base.decks, DECK: Deck(DECK, DECK_TITLE, Path("."), tuple(mine))}, errors=list(base.errors))


@dataclass(frozen=True)
class CardInput:
    """A card as typed or imported, before it is stored."""

    question: str
    answer: str
    key_points: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    deeper: str = ""
    id: str = ""  # "mine/<slug>" or "<slug>"; empty: made from the question

    def problems(self) -> list[str]:
        out = []
        if not self.question.strip():
            out.append("the question is empty")
        if not self.answer.strip():
            out.append("the answer is empty")
        for name, value in (("question", self.question), ("answer", self.answer), ("deeper", self.deeper)):
            if len(value) > MAX_TEXT:
                out.append(f"the {name} is longer than {MAX_TEXT} characters")
        if len(self.key_points) > MAX_POINTS:
            out.append(f"more than {MAX_POINTS} key points")
        if self.id and not re.fullmatch(r"(mine/)?[a-z0-9][a-z0-9-]{0,79}", self.id):
            out.append(f"id '{self.id}' must be a lowercase slug (letters, digits, dashes), optionally after 'mine/'")
        return out


def _clean(inp: CardInput) -> dict[str, Any]:
    return {"question": inp.question.strip(), "answer": inp.answer.strip(),
            "key_points": [p.strip() for p in inp.key_points if p.strip()],
            "tags": list(dict.fromkeys(t.strip().lower() for t in inp.tags if t.strip())), "deeper": inp.deeper.strip()}


def _slug_of(inp: CardInput) -> str:
    return inp.id.removeprefix(f"{DECK}/") if inp.id else slugify(inp.question)


def add_card(*, sessions: SessionFactory, card: CardInput, now: datetime | None = None) -> str:
    """Store a new card; returns its id (``mine/<slug>``; a number is added when the slug is taken)."""
    bad = card.problems()
    if bad:
        raise InvalidInput("; ".join(bad))
    now = now or now_utc()
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        taken = set(s.scalars(select(UserCard.slug).where(UserCard.user_id == uid)).all())
        base = _slug_of(card)
        if card.id and base in taken:
            raise InvalidInput(f"there is already a card '{DECK}/{base}'")
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base[:75]}-{n}", n + 1
        s.add(UserCard(user_id=uid, slug=slug, created_at=now, updated_at=now, **_clean(card)))
    return f"{DECK}/{slug}"


def get_card(*, sessions: SessionFactory, card_id: str) -> Card:
    slug = card_id.removeprefix(f"{DECK}/")
    with sessions.begin() as s:
        row = s.scalars(select(UserCard).where(UserCard.user_id == repo.local_user_id(s),
                                               UserCard.slug == slug)).first()
        if row is None:
            raise InvalidInput(f"you have no card '{DECK}/{slug}'")
        return as_card(row)


def edit_card(*, sessions: SessionFactory, card_id: str, card: CardInput, now: datetime | None = None) -> str:
    """Replace a card's text, key points, tags and follow-up; its id (and so its history) stays."""
    bad = [p for p in card.problems() if not p.startswith("id ")]
    if bad:
        raise InvalidInput("; ".join(bad))
    slug = card_id.removeprefix(f"{DECK}/")
    with sessions.begin() as s:
        row = s.scalars(select(UserCard).where(UserCard.user_id == repo.local_user_id(s),
                                               UserCard.slug == slug)).first()
        if row is None:
            raise InvalidInput(f"you have no card '{DECK}/{slug}'")
        for k, v in _clean(card).items():
            setattr(row, k, v)
        row.updated_at = now or now_utc()
    return f"{DECK}/{slug}"


def delete_card(*, sessions: SessionFactory, card_id: str) -> None:
    """Remove a card (its review log stays; adding a card with the same id later picks it up again)."""
    slug = card_id.removeprefix(f"{DECK}/")
    with sessions.begin() as s:
        row = s.scalars(select(UserCard).where(UserCard.user_id == repo.local_user_id(s),
                                               UserCard.slug == slug)).first()
        if row is None:
            raise InvalidInput(f"you have no card '{DECK}/{slug}'")
        s.delete(row)


# ---------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportReport:
    added: list[str]
    updated: list[str]


def parse_csv(text: str) -> list[tuple[int, CardInput]]:
    """Cards from CSV text, each with the line it starts on; InvalidInput naming the first bad line."""
    lines = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(lines, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInput("line 1: the file is empty (a header row is needed: "
                           f"{','.join(CSV_COLUMNS)})") from None
    except csv.Error as exc:
        raise InvalidInput(f"line 1: {exc}") from None
    cols = [h.strip().lower() for h in header]
    unknown = [c for c in cols if c not in CSV_COLUMNS]
    if unknown:
        raise InvalidInput(f"line 1: unknown column '{unknown[0]}' (the columns are {', '.join(CSV_COLUMNS)})")
    for need in ("question", "answer"):
        if need not in cols:
            raise InvalidInput(f"line 1: the header has no '{need}' column")
    if len(set(cols)) != len(cols):
        raise InvalidInput("line 1: a column appears twice in the header")
    out: list[tuple[int, CardInput]] = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InvalidInput(f"line {start}: {exc}") from None
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(cols):
            raise InvalidInput(f"line {line}: {len(row)} fields, the header has {len(cols)}")
        f = dict(zip(cols, row, strict=True))
        card = CardInput(question=f.get("question", ""), answer=f.get("answer", ""),
                         key_points=tuple(p for p in f.get("key_points", "").split("|") if p.strip()),
                         tags=tuple(f.get("tags", "").split()), deeper=f.get("deeper", ""),
                         id=f.get("id", "").strip())
        bad = card.problems()
        if bad:
            raise InvalidInput(f"line {line}: {'; '.join(bad)}")
        out.append((line, card))
    return out


def _from_html(text: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"</?(div|p|li|ul|ol)[^>]*>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\n{2,}", "\n", html.unescape(text)).strip()


def _split_back(back: str) -> tuple[str, tuple[str, ...], str]:
    """The answer, the key points and the follow-up from an exported back (plain text after _from_html)."""
    answer, points, deeper = back, [], ""
    m = re.search(r"\n?Follow-up:\s*(.*)$", answer, re.S)
    if m:
        answer, deeper = answer[: m.start()], m.group(1).strip()
    m = re.search(r"\n?Key points:\s*\n(.*)$", answer, re.S)
    if m:
        answer = answer[: m.start()]
        points = [ln.strip().removeprefix("- ").strip() for ln in m.group(1).splitlines() if ln.strip()]
    return answer.strip(), tuple(points), deeper


def parse_anki(text: str) -> list[tuple[int, CardInput]]:
    """Cards from Anki's tab-separated export (or ours): header lines, then front and back (and tags)."""
    sep, html_on, guid_col, tags_col = "\t", True, 0, 0
    out: list[tuple[int, CardInput]] = []
    for n, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if raw.startswith("#"):
            key, _, value = raw[1:].partition(":")
            key, value = key.strip().lower(), value.strip()
            if key == "separator":
                sep = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " "}.get(value.lower(), value)
            elif key == "html":
                html_on = value.lower() == "true"
            elif key in ("guid column", "tags column"):
                if not value.isdigit() or int(value) < 1:
                    raise InvalidInput(f"line {n}: '{raw}' needs a column number")
                if key == "guid column":
                    guid_col = int(value)
                else:
                    tags_col = int(value)
            continue
        if not raw.strip():
            continue
        cells = raw.split(sep)
        fields = [c for i, c in enumerate(cells, 1) if i not in (guid_col, tags_col)]
        if len(fields) < 2:
            raise InvalidInput(f"line {n}: a card needs a front and a back separated by a tab")
        front, back = (_from_html(c) if html_on else c.strip() for c in fields[:2])
        answer, points, deeper = _split_back(back)
        guid = cells[guid_col - 1].strip() if guid_col and guid_col <= len(cells) else ""
        tags = tuple(cells[tags_col - 1].split()) if tags_col and tags_col <= len(cells) else ()
        card = CardInput(question=front, answer=answer, key_points=points, tags=tags, deeper=deeper,
                         id=guid if re.fullmatch(r"(mine/)?[a-z0-9][a-z0-9-]{0,79}", guid) else "")
        bad = card.problems()
        if bad:
            raise InvalidInput(f"line {n}: {'; '.join(bad)}")
        out.append((n, card))
    return out


def import_cards(*, sessions: SessionFactory, text: str, fmt: str, now: datetime | None = None) -> ImportReport:
    """Import a CSV (``fmt`` csv) or Anki text file (``anki``), all or nothing.

    A card whose id is already yours (or, without an id, whose question makes the same slug) is
    updated in place: its review history is keyed by the id and carries on.
    """
    if fmt not in ("csv", "anki"):
        raise InvalidInput(f"format must be csv or anki, not {fmt!r}")
    cards = parse_csv(text) if fmt == "csv" else parse_anki(text)
    seen: dict[str, int] = {}
    for line, c in cards:
        slug = _slug_of(c)
        if slug in seen:
            raise InvalidInput(f"line {line}: card '{DECK}/{slug}' is also on line {seen[slug]}")
        seen[slug] = line
    now = now or now_utc()
    added: list[str] = []
    updated: list[str] = []
    with sessions.begin() as s:  # one transaction: every card, or none
        uid = repo.local_user_id(s)
        rows = {r.slug: r for r in s.scalars(select(UserCard).where(UserCard.user_id == uid)).all()}
        for _line, c in cards:
            slug = _slug_of(c)
            row = rows.get(slug)
            if row is None:
                s.add(UserCard(user_id=uid, slug=slug, created_at=now, updated_at=now, **_clean(c)))
                added.append(f"{DECK}/{slug}")
            else:
                for k, v in _clean(c).items():
                    setattr(row, k, v)
                row.updated_at = now
                updated.append(f"{DECK}/{slug}")
    return ImportReport(added, updated)


def guess_format(name: str, text: str) -> str:
    """csv or anki, from the file name, else from the first line."""
    low = name.lower()
    if low.endswith(".csv"):
        return "csv"
    if low.endswith((".txt", ".tsv")):
        return "anki"
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return "anki" if first.startswith("#") or "\t" in first else "csv"


# ---------------------------------------------------------------- export


def export_csv(cards: list[Card]) -> str:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for c in cards:
        w.writerow([c.id.removeprefix(f"{DECK}/"), c.question, c.answer, " | ".join(k.point for k in c.key_points),
                    " ".join(c.tags), c.deeper])
    return buf.getvalue()


def _html(text: str) -> str:
    return html.escape(text).replace("\t", " ").replace("\r\n", "\n").replace("\n", "<br>")


def export_anki(cards: list[Card]) -> str:
    """Anki's import format: tab-separated, HTML fields, the card id as the note's guid, tags last.

    Computed cards are left out (their numbers are drawn anew at each review); a choice card's
    options go on the front, the right ones on the back.
    """
    lines = ["#separator:tab", "#html:true", "#guid column:1", "#tags column:4"]
    for c in cards:
        if c.kind == "computed":
            continue
        front = _html(c.question)
        if c.kind == "choice":
            front += "<br>" + "<br>".join(_html(f"{chr(ord('a') + i)}) {o.text}") for i, o in enumerate(c.options))
            right = ", ".join(chr(ord("a") + i) for i, o in enumerate(c.options) if o.correct)
            back = _html(f"{right}: {c.answer}")
        else:
            back = _html(c.answer)
        if c.key_points:
            back += "<br>Key points:<br>" + "<br>".join("- " + _html(k.point) for k in c.key_points)
        if c.deeper:
            back += "<br>Follow-up: " + _html(c.deeper)
        tags = " ".join([c.deck, *c.tags]) if c.deck != DECK else " ".join(c.tags)
        guid = c.id.replace("/", "-") if c.deck != DECK else c.id
        lines.append("\t".join([guid, front, back, tags]))
    return "\n".join(lines) + "\n"


__all__ = [
    "DECK", "CardInput", "ImportReport", "add_card", "as_card", "delete_card", "edit_card", "export_anki",
    "export_csv", "get_card", "guess_format", "import_cards", "own_cards", "parse_anki", "parse_csv",
    "practice_bank", "slugify",
]
