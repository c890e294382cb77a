"""Practice on the fundamentals cards: FSRS review and the timed phone screen.

Review: a due queue (cards whose FSRS due time has passed), then new cards up to a daily limit;
each answer is graded by the machine where it can be (computed and choice cards) and by the user
otherwise (open cards, with the coverage hint beside the key points). Every grade is a row of the
review log (``card_reviews``); a card's state (``card_states``) is what replaying its log with the
``fsrs`` scheduler gives, fuzz off, so the same log always gives the same state.

Phone screen: five questions in five minutes from a chosen mix of decks, one at a time, against a
clock kept in the database (it never pauses: an answer that arrives after the deadline is recorded
as unanswered); then the reveal, a self-grade per question and the verdict (two misses fail it).

Onsite round: the same flow over 45 minutes and ten questions, drilled deeper: after each answer
the card's follow-up is asked and answered too, and the next question is, where it can be, a card
linked to the one before; three questions in four must pass.

Every function takes ``now`` so that tests can move the clock; the faces pass nothing.
"""

from __future__ import annotations

import random
import re
import secrets
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rounds.content.cards import (
    Bank,
    Card,
    CardError,
    CoverageHint,
    bank,
    coverage_hint,
    grade_choice,
    grade_number,
    render,
)
from rounds.domain.attempt import now_utc
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import CardReview, CardSession, CardState, User

RATINGS: dict[int, str] = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
SETTINGS_DEFAULTS: dict[str, Any] = {"retention": 0.9, "new_per_day": 10}
RETENTION_RANGE = (0.7, 0.99)
NEW_PER_DAY_MAX = 200
SCREEN_QUESTIONS = 5
SCREEN_MINUTES = 5
SCREEN_MISSES_TO_FAIL = 2
ONSITE_QUESTIONS = 10
ONSITE_MINUTES = 45
ONSITE_PASS_SHARE = 0.75  # an onsite round passes when three questions in four (or more) pass
OPEN = ("pending", "followup")  # an item still on the way: its question, or its follow-up, to answer
DOUBLE_SUBMIT = timedelta(seconds=10)  # the same answer to the same draw again this soon is a repeat, not a review


class CardSessionNotFound(ServiceError):
    """No card session with that id."""


# ---------------------------------------------------------------- settings


def card_settings(*, sessions: SessionFactory) -> dict[str, Any]:
    """The user's desired retention and new cards per day (the defaults until changed)."""
    with sessions.begin() as s:
        user = s.get(User, repo.local_user_id(s))
        stored = (user.settings or {}).get("cards", {}) if user else {}
    return {**SETTINGS_DEFAULTS, **{k: v for k, v in stored.items() if k in SETTINGS_DEFAULTS}}


def save_card_settings(*, sessions: SessionFactory, retention: float, new_per_day: int) -> dict[str, Any]:
    """Store the desired retention (0.70 to 0.99) and the new-card limit per day (0 to 200)."""
    lo, hi = RETENTION_RANGE
    if not lo <= retention <= hi:
        raise InvalidInput(f"desired retention must be {lo:.2f} to {hi:.2f}, not {retention}")
    if not 0 <= new_per_day <= NEW_PER_DAY_MAX:
        raise InvalidInput(f"new cards per day must be 0 to {NEW_PER_DAY_MAX}, not {new_per_day}")
    chosen = {"retention": round(float(retention), 4), "new_per_day": int(new_per_day)}
    with sessions.begin() as s:
        user = s.get(User, repo.local_user_id(s))
        assert user is not None
        user.settings = {**(user.settings or {}), "cards": chosen}
    return chosen


# ---------------------------------------------------------------- asking and grading


@dataclass(frozen=True)
class Prompt:
    """A card as it is shown: the question (with drawn numbers for a computed card) and its options."""

    card_id: str
    deck: str
    kind: str
    question: str
    seed: int | None
    options: tuple[str, ...] = ()
    multiple: bool = False
    unit: str = ""

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(chr(ord("a") + i) for i in range(len(self.options)))


def fresh_seed() -> int:
    return secrets.randbelow(2**31)


def prompt(card: Card, seed: int | None = None, b: Bank | None = None) -> Prompt:
    """The card to show; a computed card is drawn for ``seed`` (a fresh one when None)."""
    if card.kind == "computed":
        seed = fresh_seed() if seed is None else seed
        inst = render(card, seed, b)
        return Prompt(card.id, card.deck, card.kind, inst.question, seed, unit=inst.unit)
    options = tuple(o.text for o in card.options)
    return Prompt(card.id, card.deck, card.kind, card.question, None, options, card.multiple)


@dataclass(frozen=True)
class Graded:
    """An answer judged: the machine's outcome where it has one, what to reveal, the ratings allowed.

    ``outcome``: correct | wrong | skipped (empty answer: "I don't know") | self (an open card,
    graded by the user) | unreadable (a number that cannot be read: ask again, nothing is recorded).
    """

    prompt: Prompt
    answer: str
    outcome: str
    message: str
    model_answer: str
    key_points: tuple[str, ...]
    deeper: str
    hint: CoverageHint | None = None
    reasons: tuple[str, ...] = ()  # choice cards: why each wrong pick is wrong, each missed answer right
    allowed: tuple[int, ...] = (1, 2, 3, 4)
    suggested: int | None = None
    related: tuple[tuple[str, str], ...] = ()  # (card id, question) of the cards this one links to

    @property
    def machine(self) -> bool:
        return self.outcome in ("correct", "wrong")


def allowed_ratings(outcome: str) -> tuple[int, ...]:
    """Wrong, skipped or unanswered is Again; right is Hard, Good or Easy; an open card is the user's call."""
    return {"correct": (2, 3, 4), "wrong": (1,), "skipped": (1,), "unanswered": (1,), "self": (1, 2, 3, 4),
            "unreadable": ()}[outcome]


def _plain_question(card: Card) -> str:
    """A question to name a card by; a computed card's template shows its fields as ``…``."""
    if card.kind != "computed":
        return card.question
    return re.sub(r"(?<!\{)\{[a-z_][a-z0-9_]*\}(?!\})", "…", card.question).replace("{{", "{").replace("}}", "}")


def grade(card: Card, seed: int | None, answer: str, b: Bank | None = None) -> Graded:
    """Grade a typed answer (choice cards: letters such as "b" or "a,c"); an empty answer is a skip."""
    p = prompt(card, seed, b)
    text = answer.strip()
    points = tuple(k.point for k in card.key_points)
    cards = (b or bank()).cards
    related = tuple((c, _plain_question(cards[c])) for c in card.links if c in cards)
    common: dict[str, Any] = dict(prompt=p, answer=text, model_answer=card.answer, key_points=points,
                                  deeper=card.deeper, related=related)
    if card.kind == "computed":
        assert p.seed is not None
        g = grade_number(render(card, p.seed, b), text)
        outcome, message = g.status, g.message
    elif card.kind == "choice":
        try:
            cg = grade_choice(card, text)
        except ValueError:
            outcome, message = "unreadable", f"pick among {', '.join(p.letters)} (for example: b, or a,c)"
            return Graded(outcome=outcome, message=message, allowed=(), **common)
        right = ", ".join(chr(ord("a") + i) for i in cg.right)
        outcome = cg.status
        message = {"correct": f"correct: {right}", "wrong": f"not quite: the answer is {right}",
                   "skipped": f"no answer (I don't know): the answer is {right}"}[outcome]
        reasons = tuple(f"{chr(ord('a') + i)}) {card.options[i].text}: {why}" for i, why in cg.reasons)
        return Graded(outcome=outcome, message=message, reasons=reasons, allowed=allowed_ratings(outcome),
                      suggested=3 if outcome == "correct" else 1, **common)
    else:
        if not text:
            outcome, message = "skipped", "no answer (I don't know): graded Again"
        else:
            outcome, message = "self", "mark yourself against the key points"
        return Graded(outcome=outcome, message=message, hint=coverage_hint(card, text) if text else None,
                      allowed=allowed_ratings(outcome), suggested=1 if outcome == "skipped" else None, **common)
    suggested = {"correct": 3, "wrong": 1, "skipped": 1}.get(outcome)
    return Graded(outcome=outcome, message=message, allowed=allowed_ratings(outcome), suggested=suggested, **common)


# ---------------------------------------------------------------- scheduling


def scheduler(retention: float) -> Scheduler:
    """The FSRS scheduler for a desired retention; no fuzz, so a replay of the log is exact."""
    return Scheduler(desired_retention=retention, enable_fuzzing=False)


def _fsrs_card(st: CardState | None, now: datetime) -> FsrsCard:
    if st is None:
        return FsrsCard(card_id=1, due=now)
    return FsrsCard(card_id=1, state=State(st.state), step=st.step, stability=st.stability,
                    difficulty=st.difficulty, due=st.due, last_review=st.last_review)


def _utc(ts: datetime) -> datetime:
    return ts.astimezone(UTC) if ts.tzinfo else ts.replace(tzinfo=UTC)


def _state(s: Session, user_id: int, card_id: str) -> CardState | None:
    return s.scalars(select(CardState).where(CardState.user_id == user_id, CardState.card_id == card_id)).first()


def interval_text(delta: timedelta) -> str:
    """A next interval as a grade button shows it: 1m, 10m, 5h, 3d, 2.1mo, 1.4y."""
    secs = max(0.0, delta.total_seconds())
    if secs < 3600:
        return f"{max(1, round(secs / 60))}m"
    if secs < 86400:
        return f"{round(secs / 3600)}h"
    days = secs / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


def next_intervals(*, sessions: SessionFactory, card_id: str, now: datetime | None = None) -> dict[int, str]:
    """For each rating (1 Again .. 4 Easy), when the card would be due again if given that rating now."""
    now = _utc(now or now_utc())
    retention = card_settings(sessions=sessions)["retention"]
    with sessions.begin() as s:
        st = _state(s, repo.local_user_id(s), card_id)
        out = {}
        for r in RATINGS:
            card, _ = scheduler(retention).review_card(_fsrs_card(st, now), Rating(r), now)
            out[r] = interval_text(card.due - now)
    return out


@dataclass(frozen=True)
class Recorded:
    card_id: str
    rating: int
    outcome: str
    due: datetime
    interval: str


def _record(s: Session, *, user_id: int, card_id: str, rating: int, outcome: str, seed: int | None, answer: str,
            elapsed_s: float | None, retention: float, now: datetime, session_id: int | None = None) -> Recorded:
    st = _state(s, user_id, card_id)
    card, _log = scheduler(retention).review_card(_fsrs_card(st, now), Rating(rating), now)
    if st is None:
        st = CardState(user_id=user_id, card_id=card_id, first_review=now, reps=0, lapses=0, state=int(card.state),
                       due=card.due)
        s.add(st)
    elif rating == 1 and st.state == State.Review:
        st.lapses += 1
    st.state, st.step, st.stability, st.difficulty = int(card.state), card.step, card.stability, card.difficulty
    st.due, st.last_review = card.due, card.last_review
    st.reps += 1
    s.add(CardReview(user_id=user_id, card_id=card_id, rating=rating, outcome=outcome, reviewed_at=now, seed=seed,
                     answer=answer, elapsed_s=elapsed_s, retention=retention, session_id=session_id))
    return Recorded(card_id, rating, outcome, card.due, interval_text(card.due - now))


def review(*, sessions: SessionFactory, bank: Bank, card_id: str, seed: int | None, answer: str, rating: int | None,
           elapsed_s: float | None = None, now: datetime | None = None) -> Recorded:
    """Grade ``answer`` again (the machine's grade is never taken from the client) and log ``rating``.

    ``rating`` None takes the suggested one (Again for an empty or wrong answer, Good when right);
    a rating the outcome does not allow (Good on a wrong number) is refused.
    """
    now = _utc(now or now_utc())
    card = _card(bank, card_id)
    g = grade(card, seed, answer, bank)
    if g.outcome == "unreadable":
        raise InvalidInput(g.message)
    rating = g.suggested if rating is None else rating
    if rating is None:
        raise InvalidInput("grade yourself: 1 Again, 2 Hard, 3 Good or 4 Easy")
    if rating not in g.allowed:
        names = ", ".join(RATINGS[r] for r in g.allowed)
        raise InvalidInput(f"this answer was graded {g.outcome}: the grade can be {names}, not {RATINGS.get(rating, rating)}")
    retention = card_settings(sessions=sessions)["retention"]
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        last = s.scalars(select(CardReview).where(CardReview.user_id == uid, CardReview.card_id == card_id)
                         .order_by(CardReview.reviewed_at.desc(), CardReview.id.desc()).limit(1)).first()
        if (last is not None and last.session_id is None and last.seed == g.prompt.seed and last.answer == g.answer
                and timedelta(0) <= now - _utc(last.reviewed_at) < DOUBLE_SUBMIT):
            st = _state(s, uid, card_id)  # the same grade sent twice (a double click): recorded once
            assert st is not None
            return Recorded(card_id, last.rating, last.outcome, _utc(st.due), interval_text(_utc(st.due) - now))
        return _record(s, user_id=uid, card_id=card_id, rating=rating, outcome=g.outcome,
                       seed=g.prompt.seed, answer=g.answer, elapsed_s=elapsed_s, retention=retention, now=now)


def replay(*, sessions: SessionFactory, card_id: str) -> FsrsCard | None:
    """The card's FSRS state rebuilt from its review log alone (None if it was never reviewed)."""
    with sessions.begin() as s:
        rows = s.scalars(select(CardReview).where(CardReview.user_id == repo.local_user_id(s),
                                                  CardReview.card_id == card_id)
                         .order_by(CardReview.reviewed_at, CardReview.id)).all()
        if not rows:
            return None
        card = FsrsCard(card_id=1, due=_utc(rows[0].reviewed_at))
        for r in rows:
            card, _ = scheduler(r.retention).review_card(card, Rating(r.rating), _utc(r.reviewed_at))
        return card


@dataclass(frozen=True)
class LoggedReview:
    """One row of a card's review log, with the question as it was shown (a computed card's draw)."""

    reviewed_at: datetime
    rating: int
    outcome: str
    answer: str
    seed: int | None
    elapsed_s: float | None
    retention: float
    session_id: int | None
    question: str


def history(*, sessions: SessionFactory, bank: Bank, card_id: str) -> list[LoggedReview]:
    """A card's review log, oldest first; a computed card's question is drawn again from the stored seed."""
    card = bank.cards.get(card_id)
    with sessions.begin() as s:
        rows = s.scalars(select(CardReview).where(CardReview.user_id == repo.local_user_id(s),
                                                  CardReview.card_id == card_id)
                         .order_by(CardReview.reviewed_at, CardReview.id)).all()
        out = []
        for r in rows:
            question = card.question if card else f"(card {card_id} is gone)"
            if card is not None and card.kind == "computed" and r.seed is not None:
                question = render(card, r.seed, bank).question
            out.append(LoggedReview(_utc(r.reviewed_at), r.rating, r.outcome, r.answer, r.seed, r.elapsed_s,
                                    r.retention, r.session_id, question))
        return out


def rebuild(*, sessions: SessionFactory) -> tuple[int, int]:
    """Rewrite every stored card state from the review log; returns (cards, states that differed).

    The states are derived data: this is the repair (and the proof) that the log alone is enough.
    """
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        ids = sorted(set(s.scalars(select(CardReview.card_id).where(CardReview.user_id == uid)).all()))
    changed = 0
    for cid in ids:
        card = replay(sessions=sessions, card_id=cid)
        assert card is not None
        with sessions.begin() as s:
            uid = repo.local_user_id(s)
            rows = s.scalars(select(CardReview).where(CardReview.user_id == uid, CardReview.card_id == cid)
                             .order_by(CardReview.reviewed_at, CardReview.id)).all()
            st = _state(s, uid, cid)
            fields = dict(state=int(card.state), step=card.step, stability=card.stability,
                          difficulty=card.difficulty, due=card.due, last_review=card.last_review,
                          first_review=_utc(rows[0].reviewed_at), reps=len(rows), lapses=_lapses(rows))
            if st is None:
                s.add(CardState(user_id=uid, card_id=cid, **fields))
                changed += 1
                continue
            current = dict(state=st.state, step=st.step, stability=st.stability, difficulty=st.difficulty,
                           due=_utc(st.due), last_review=_utc(st.last_review) if st.last_review else None,
                           first_review=_utc(st.first_review), reps=st.reps, lapses=st.lapses)
            if current != fields:
                changed += 1
                for k, v in fields.items():
                    setattr(st, k, v)
    return len(ids), changed


def _lapses(rows: Sequence[CardReview]) -> int:
    """Again given to a card in the Review state, replayed from the log."""
    card = FsrsCard(card_id=1, due=_utc(rows[0].reviewed_at))
    lapses = 0
    for r in rows:
        lapses += r.rating == 1 and card.state == State.Review
        card, _ = scheduler(r.retention).review_card(card, Rating(r.rating), _utc(r.reviewed_at))
    return lapses


def stored_state(*, sessions: SessionFactory, card_id: str) -> FsrsCard | None:
    """The card's FSRS state as stored (what the queue reads)."""
    with sessions.begin() as s:
        st = _state(s, repo.local_user_id(s), card_id)
        return None if st is None else _fsrs_card(st, now_utc())


def _card(bank: Bank, card_id: str) -> Card:
    try:
        return bank.get(card_id)
    except KeyError:
        raise InvalidInput(f"there is no card '{card_id}'") from None


def _decks(bank: Bank, decks: list[str] | None) -> list[str]:
    if not decks:
        return sorted(bank.decks)
    unknown = [d for d in decks if d not in bank.decks]
    if unknown:
        raise InvalidInput(f"no deck '{unknown[0]}'; the decks are {', '.join(sorted(bank.decks))}")
    return list(dict.fromkeys(decks))


def _day_start(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass
class Queue:
    due: list[str] = field(default_factory=list)  # reviews due now, the most overdue first
    new: list[str] = field(default_factory=list)  # new cards allowed now, decks interleaved
    new_today: int = 0  # new cards already introduced today
    new_limit: int = 0

    @property
    def cards(self) -> list[str]:
        return self.due + self.new


def queue(*, sessions: SessionFactory, bank: Bank, decks: list[str] | None = None, new: int | None = None,
          now: datetime | None = None, tag: str = "") -> Queue:
    """What to review now: cards due, then new cards (``new`` caps them; default: what the daily limit leaves).

    ``tag`` keeps the cards with that tag (a sub-topic such as ``attention``, or one of your own).
    """
    now = _utc(now or now_utc())
    chosen = _decks(bank, decks)
    tag = tag.strip().lower()

    def wanted(c: Card) -> bool:
        return not tag or tag in c.tags
    limit = card_settings(sessions=sessions)["new_per_day"]
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        states = s.scalars(select(CardState).where(CardState.user_id == uid)).all()
        new_today = sum(_utc(st.first_review) >= _day_start(now) for st in states)
    seen = {st.card_id for st in states}
    in_scope = {c.id for d in chosen for c in bank.decks[d].cards if wanted(c)}
    due = [st.card_id for st in sorted(states, key=lambda st: (_utc(st.due), st.card_id))
           if st.card_id in in_scope and _utc(st.due) <= now]
    allowance = max(0, limit - new_today) if new is None else max(0, new)
    fresh: list[str] = []
    columns = [[c.id for c in bank.decks[d].cards if c.id not in seen and wanted(c)] for d in chosen]
    for i in range(max((len(c) for c in columns), default=0)):
        fresh += [col[i] for col in columns if i < len(col)]
    return Queue(due=due, new=fresh[:allowance], new_today=new_today, new_limit=limit)


# ---------------------------------------------------------------- progress


@dataclass(frozen=True)
class DeckProgress:
    deck: str
    title: str
    cards: int
    seen: int
    due_now: int
    reviews: int
    recalled: int  # reviews graded Hard or better

    @property
    def retention(self) -> float | None:
        return self.recalled / self.reviews if self.reviews else None


@dataclass(frozen=True)
class Progress:
    decks: list[DeckProgress]
    weakest: list[DeckProgress]  # decks with at least 3 reviews, the lowest recall first
    forecast: list[tuple[str, int]]  # (YYYY-MM-DD, reviews due that day) for 7 days; today counts the overdue
    reviews: int
    retention: float | None
    settings: dict[str, Any]
    screens: list[dict[str, Any]]  # the latest phone screens: id, when, decks, passed, verdict


def progress(*, sessions: SessionFactory, bank: Bank, now: datetime | None = None) -> Progress:
    now = _utc(now or now_utc())
    settings = card_settings(sessions=sessions)
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        states = s.scalars(select(CardState).where(CardState.user_id == uid)).all()
        rows = s.execute(select(CardReview.card_id, CardReview.rating).where(CardReview.user_id == uid)).all()
        screens = s.scalars(select(CardSession).where(CardSession.user_id == uid)
                            .order_by(CardSession.started_at.desc()).limit(10)).all()
        screen_rows = [{"id": x.id, "kind": x.kind, "started_at": x.started_at, "decks": list(x.decks), "verdict": x.verdict,
                        "passed": sum(bool(i.get("passed")) for i in x.items), "questions": len(x.items)}
                       for x in screens]
    deck_of = {c.id: c.deck for c in bank.cards.values()}
    reviews: Counter[str] = Counter()
    recalled: Counter[str] = Counter()
    for cid, rating in rows:
        d = deck_of.get(cid, cid.split("/", 1)[0])
        reviews[d] += 1
        recalled[d] += rating > 1
    seen: Counter[str] = Counter()
    due_now: Counter[str] = Counter()
    days: dict[str, int] = defaultdict(int)
    today = _day_start(now)
    for st in states:
        d = deck_of.get(st.card_id, st.card_id.split("/", 1)[0])
        seen[d] += 1
        due = _utc(st.due)
        due_now[d] += due <= now
        offset = max(0, (_day_start(due) - today).days)
        if offset < 7:
            days[(today + timedelta(days=offset)).date().isoformat()] += 1
    decks = [DeckProgress(d, deck.title, len(deck.cards), seen[d], due_now[d], reviews[d], recalled[d])
             for d, deck in sorted(bank.decks.items())]
    weakest = sorted((p for p in decks if p.reviews >= 3), key=lambda p: (p.retention or 0.0, -p.reviews))[:3]
    forecast = [((today + timedelta(days=i)).date().isoformat(),
                 days.get((today + timedelta(days=i)).date().isoformat(), 0)) for i in range(7)]
    total = sum(reviews.values())
    return Progress(decks, weakest, forecast, total, sum(recalled.values()) / total if total else None, settings,
                    screen_rows)


# ---------------------------------------------------------------- the phone screen


@dataclass(frozen=True)
class ScreenItem:
    index: int
    prompt: Prompt
    status: str  # pending | followup (the follow-up is on screen) | answered | unanswered
    answer: str
    followup: str = ""  # the follow-up question (onsite rounds)
    followup_answer: str = ""
    graded: Graded | None = None  # at the reveal
    rating: int | None = None  # once self-graded
    passed: bool | None = None


@dataclass(frozen=True)
class ScreenView:
    id: int
    decks: list[str]
    phase: str  # question | reveal | done
    started_at: datetime
    deadline: datetime
    remaining_s: float
    current: ScreenItem | None  # the question on screen (phase question)
    items: list[ScreenItem]
    verdict: str | None  # pass | fail
    passed: int | None
    questions: int
    kind: str = "screen"  # screen | onsite

    @property
    def title(self) -> str:
        return "Onsite round" if self.kind == "onsite" else "Phone screen"

    @property
    def misses(self) -> int | None:
        return None if self.passed is None else self.questions - self.passed


def start_screen(*, sessions: SessionFactory, bank: Bank, decks: list[str] | None = None,
                 now: datetime | None = None, rng: random.Random | None = None, kind: str = "screen",
                 questions: int | None = None, minutes: int | None = None, due_first: bool = False) -> int:
    """Draw the questions from ``decks`` (all when empty), spread across them, and start the clock.

    ``kind`` onsite: ten questions in 45 minutes by default, each followed by its follow-up, the
    next question a linked card where one is left in the mix. ``due_first`` (a mock loop's screen):
    in each deck, cards due for review come first, then cards never reviewed, then the rest.
    """
    if kind not in ("screen", "onsite"):
        raise InvalidInput(f"kind must be screen or onsite, not {kind!r}")
    onsite = kind == "onsite"
    questions = questions or (ONSITE_QUESTIONS if onsite else SCREEN_QUESTIONS)
    minutes = minutes or (ONSITE_MINUTES if onsite else SCREEN_MINUTES)
    now = _utc(now or now_utc())
    rng = rng or random.Random(secrets.randbits(64))
    chosen = _decks(bank, decks)
    pools = {d: [c for c in bank.decks[d].cards] for d in chosen}
    for pool in pools.values():
        rng.shuffle(pool)
    if due_first:
        with sessions.begin() as s:
            uid = repo.local_user_id(s)
            due = {st.card_id: _utc(st.due) <= now for st in s.scalars(select(CardState).where(CardState.user_id == uid))}
        for pool in pools.values():  # popped from the end: the rest, then never reviewed, then due
            pool.sort(key=lambda c: 2 if due.get(c.id) else (1 if c.id not in due else 0))
    order = list(chosen)
    rng.shuffle(order)
    picked: list[Card] = []
    while len(picked) < questions and any(pools.values()):
        for d in order:
            if len(picked) >= questions:
                break
            linked = _linked(picked[-1], pools) if onsite and picked else None
            if linked is not None:
                picked.append(linked)
            elif pools[d]:
                picked.append(pools[d].pop())
    if not picked:
        raise InvalidInput("those decks have no cards")
    items = [{"card_id": c.id, "seed": fresh_seed() if c.kind == "computed" else None, "status": "pending",
              "answer": "", "shown_at": None, "answered_at": None} for c in picked]
    items[0]["shown_at"] = now.isoformat()
    with sessions.begin() as s:
        row = CardSession(user_id=repo.local_user_id(s), kind=kind, decks=chosen, items=items, started_at=now,
                          deadline=now + timedelta(minutes=minutes))
        s.add(row)
        s.flush()
        return row.id


def _linked(card: Card, pools: dict[str, list[Card]]) -> Card | None:
    """A card the previous one links to, still in the mix (taken out of its pool), or None."""
    for target in card.links:
        pool = pools.get(target.split("/", 1)[0], [])
        for n, c in enumerate(pool):
            if c.id == target:
                return pool.pop(n)
    return None


def _session(s: Session, session_id: int) -> CardSession:
    row = s.get(CardSession, session_id)
    if row is None or row.user_id != repo.local_user_id(s):
        raise CardSessionNotFound(f"there is no card round {session_id}")
    return row


def _close(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Questions not answered become unanswered; a follow-up left open leaves its question answered."""
    changed = {"pending": "unanswered", "followup": "answered"}
    return [{**i, "status": changed[i["status"]]} if i["status"] in changed else i for i in items]


def _expire(row: CardSession, now: datetime) -> bool:
    """Past the deadline, every question still open is recorded as unanswered. True if anything changed."""
    if now < _utc(row.deadline) or all(i["status"] not in OPEN for i in row.items):
        return False
    row.items = _close(row.items)
    return True


def _view(row: CardSession, bank: Bank, now: datetime) -> ScreenView:
    items: list[ScreenItem] = []
    pending = [n for n, i in enumerate(row.items) if i["status"] in OPEN]
    phase = "question" if pending else ("done" if row.verdict else "reveal")
    for n, i in enumerate(row.items):
        card = bank.cards.get(i["card_id"])
        if card is None:  # a card removed from the bank since: shown by id
            p = Prompt(i["card_id"], i["card_id"].split("/", 1)[0], "open", f"(card {i['card_id']} is gone)", None)
            items.append(ScreenItem(n, p, i["status"], i.get("answer", ""), rating=i.get("rating"),
                                    passed=i.get("passed")))
            continue
        p = prompt(card, i["seed"], bank)
        g = None
        if phase != "question":
            g = grade(card, i["seed"], i.get("answer", "") if i["status"] == "answered" else "", bank)
            if i["status"] == "unanswered":
                g = Graded(prompt=g.prompt, answer="", outcome="unanswered", message="not answered in time",
                           model_answer=g.model_answer, key_points=g.key_points, deeper=g.deeper,
                           reasons=g.reasons, allowed=(1,), suggested=1)
        followup = card.deeper if row.kind == "onsite" else ""
        items.append(ScreenItem(n, p, i["status"], i.get("answer", ""), followup, i.get("followup_answer", ""), g,
                                i.get("rating"), i.get("passed")))
    passed = sum(bool(i.passed) for i in items) if row.verdict else None
    return ScreenView(id=row.id, decks=list(row.decks), phase=phase, started_at=_utc(row.started_at),
                      deadline=_utc(row.deadline), remaining_s=max(0.0, (_utc(row.deadline) - now).total_seconds()),
                      current=items[pending[0]] if pending else None, items=items, verdict=row.verdict,
                      passed=passed, questions=len(items), kind=row.kind)


def screen(*, sessions: SessionFactory, bank: Bank, session_id: int, now: datetime | None = None) -> ScreenView:
    """The screen as it stands now (the deadline is applied on read too: the clock never pauses)."""
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _session(s, session_id)
        _expire(row, now)
        return _view(row, bank, now)


def answer_screen(*, sessions: SessionFactory, bank: Bank, session_id: int, index: int, answer: str,
                  now: datetime | None = None) -> str:
    """Record the answer to question ``index`` (the one on screen). Returns a message for the user.

    After the deadline the answer is not taken: the question is recorded as unanswered. A number
    that cannot be read is refused (type it again) while the clock runs on.
    """
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _session(s, session_id)
        if _expire(row, now):
            return "time was up: the questions left are recorded as unanswered"
        pending = [n for n, i in enumerate(row.items) if i["status"] in OPEN]
        if not pending:
            return "the round is over"
        if index != pending[0]:
            raise InvalidInput(f"question {index + 1} is not the one on screen (question {pending[0] + 1} is)")
        item = row.items[index]
        items = [dict(i) for i in row.items]
        card = bank.cards.get(item["card_id"])
        if item["status"] == "followup":
            items[index].update(status="answered", followup_answer=answer.strip())
        else:
            if card is not None and card.kind in ("computed", "choice"):
                g = grade(card, item["seed"], answer, bank)
                if g.outcome == "unreadable":
                    raise InvalidInput(g.message)
            # the follow-up comes after an answer; after "I don't know" the interviewer moves on
            drill = row.kind == "onsite" and card is not None and bool(card.deeper) and bool(answer.strip())
            items[index].update(status="followup" if drill else "answered", answer=answer.strip(),
                                answered_at=now.isoformat())
        if items[index]["status"] == "answered" and index + 1 < len(items):
            items[index + 1]["shown_at"] = now.isoformat()
        row.items = items
        return "answered" if answer.strip() else "skipped (I don't know)"


def stop_screen(*, sessions: SessionFactory, bank: Bank, session_id: int, now: datetime | None = None) -> ScreenView:
    """End the round now: the questions not answered yet are recorded as unanswered."""
    now = _utc(now or now_utc())
    with sessions.begin() as s:
        row = _session(s, session_id)
        if any(i["status"] in OPEN for i in row.items):
            row.items = _close(row.items)
        return _view(row, bank, now)


def grade_screen(*, sessions: SessionFactory, bank: Bank, session_id: int, ratings: dict[int, int],
                 now: datetime | None = None) -> ScreenView:
    """Self-grade the revealed screen, give the verdict, and log the shown questions as reviews.

    ``ratings`` maps a question's index to 1..4; a question the machine graded wrong, skipped or
    unanswered is Again whatever is sent; a machine-graded right answer with no rating is Good.
    A question that passed is one graded Hard or better; two misses fail the screen.
    """
    now = _utc(now or now_utc())
    retention = card_settings(sessions=sessions)["retention"]
    with sessions.begin() as s:
        row = _session(s, session_id)
        _expire(row, now)
        view = _view(row, bank, now)
        if view.phase == "question":
            raise InvalidInput("the round is still running: answer the questions first")
        if view.phase == "done":
            return view
        items = [dict(i) for i in row.items]
        decided: list[int] = []
        for it in view.items:
            g = it.graded
            allowed = g.allowed if g else (1, 2, 3, 4)
            r = ratings.get(it.index, None if g else 1)  # a card gone from the bank since: Again unless graded
            if len(allowed) == 1:
                r = allowed[0]
            elif r is None and g is not None and g.suggested in allowed:
                r = g.suggested
            if r is None:
                raise InvalidInput(f"grade question {it.index + 1} yourself: Again, Hard, Good or Easy")
            if r not in allowed:
                names = ", ".join(RATINGS[a] for a in allowed)
                raise InvalidInput(f"question {it.index + 1} can be graded {names}, not {RATINGS.get(r, r)}")
            decided.append(r)
        uid = repo.local_user_id(s)
        for it, r in zip(view.items, decided, strict=True):
            raw = items[it.index]
            raw.update(rating=r, passed=r > 1)
            shown = raw.get("shown_at")
            if shown is None or it.prompt.card_id not in bank.cards:
                continue  # never on screen (the clock ran out first): not a review of the card
            outcome = it.graded.outcome if it.graded else "self"
            answered = raw.get("answered_at")
            elapsed = ((datetime.fromisoformat(answered) - datetime.fromisoformat(shown)).total_seconds()
                       if answered else None)
            _record(s, user_id=uid, card_id=it.prompt.card_id, rating=r, outcome=outcome, seed=it.prompt.seed,
                    answer=it.answer, elapsed_s=elapsed, retention=retention, now=now, session_id=row.id)
        misses = sum(1 for r in decided if r == 1)
        row.items = items
        if row.kind == "onsite":
            row.verdict = "pass" if len(decided) - misses >= ONSITE_PASS_SHARE * len(decided) else "fail"
        else:
            row.verdict = "fail" if misses >= SCREEN_MISSES_TO_FAIL else "pass"
        row.finished_at = now
        s.flush()
        return _view(row, bank, now)


def latest_screens(*, sessions: SessionFactory, limit: int = 10) -> list[CardSession]:
    with sessions.begin() as s:
        return list(s.scalars(select(CardSession).where(CardSession.user_id == repo.local_user_id(s))
                              .order_by(CardSession.started_at.desc()).limit(limit)).all())


def reviews_count(*, sessions: SessionFactory) -> int:
    with sessions.begin() as s:
        return int(s.scalar(select(func.count()).select_from(CardReview)
                            .where(CardReview.user_id == repo.local_user_id(s))) or 0)


__all__ = [
    "RATINGS", "CardError", "CardSessionNotFound", "DeckProgress", "Graded", "LoggedReview", "Progress", "Prompt",
    "Queue", "Recorded", "ScreenItem", "ScreenView", "allowed_ratings", "answer_screen", "card_settings", "grade",
    "grade_screen", "history", "interval_text", "next_intervals", "progress", "prompt", "queue", "rebuild", "replay",
    "review", "save_card_settings", "screen", "start_screen", "stop_screen", "stored_state",
]
