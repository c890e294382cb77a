"""One review queue across every round: everything the user got wrong comes back, with the reason.

Sources, each one *item* with its history of outcomes (a miss or a pass, with when):

* a **problem** failed: an attempt whose clock ran out before every level passed (a miss), or
  finished with every level (a pass); the reason names the levels never passed;
* a **design prompt** whose rubric had items marked missed (a miss; a session with none missed
  is a pass); the reason names the missed items;
* a **behavioral question** whose take ran over its time (a miss; a take within the band is a
  pass); the reason gives the length against the target;
* a **card** graded Again (its own FSRS schedule, as the card review keeps it).

Each item's history is replayed through the same FSRS scheduler the cards use (a miss is Again, a
pass is Good), so an item missed once comes back within the day, and one missed again after a
pass comes back sooner than one missed long ago. An item whose last outcome was a pass leaves the
queue. Attempts still open are left alone (they are in progress, not wrong).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from fsrs import Card as FsrsCard
from fsrs import Rating
from sqlalchemy import select

from rounds.domain.attempt import now_utc
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import Attempt, CardReview, CardState
from rounds.storage.models_design import DesignSession

KINDS = ("problem", "design", "story", "card")
KIND_NAMES = {"problem": "problem", "design": "design rubric", "story": "story over time", "card": "card"}
OVER = 1.0  # a take longer than its target (seconds) is over time
RETENTION = 0.9


def _utc(ts: datetime) -> datetime:
    return ts.astimezone(UTC) if ts.tzinfo else ts.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # problem | design | story | card
    id: str  # the problem, prompt, question or card id
    title: str
    reason: str  # why it is in the queue
    due: datetime
    missed_at: datetime  # the last miss
    link: str  # its page
    command: str = ""  # its terminal command, where there is one

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    def due_now(self, now: datetime) -> bool:
        return self.due <= now


@dataclass(frozen=True)
class Queue:
    now: datetime
    items: list[ReviewItem]  # the earliest due first

    @property
    def due(self) -> list[ReviewItem]:
        return [i for i in self.items if i.due_now(self.now)]

    @property
    def later(self) -> list[ReviewItem]:
        return [i for i in self.items if not i.due_now(self.now)]


def _replay(outcomes: list[tuple[datetime, bool]]) -> datetime | None:
    """The due time after the outcomes (oldest first; True a pass), or None when the last one passed."""
    if not outcomes or outcomes[-1][1]:
        return None
    from rounds.services.card_practice import scheduler

    sch = scheduler(RETENTION)
    card = FsrsCard(card_id=1, due=outcomes[0][0])
    when = outcomes[0][0]
    for at, passed in outcomes:
        when = max(when, at)  # a review log moves forward in time
        card, _ = sch.review_card(card, Rating.Good if passed else Rating.Again, review_datetime=when)
    return _utc(card.due)


def _problems(sessions: SessionFactory, now: datetime) -> list[ReviewItem]:
    from rounds.content.catalog import UnknownProblem, catalog

    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        rows = s.scalars(select(Attempt).where(Attempt.user_id == uid).order_by(Attempt.started_at)).all()
        history: dict[str, list[tuple[datetime, bool, Attempt]]] = {}
        for a in rows:
            if a.status == "active" and not (a.deadline is not None and now >= _utc(a.deadline)):
                continue  # in progress
            passed = a.status == "completed"
            at = _utc(a.finished_at or a.deadline or a.started_at)
            history.setdefault(a.problem_id, []).append((at, passed, a))
        out = []
        for pid, hist in history.items():
            hist.sort(key=lambda h: (_utc(h[2].started_at), h[2].id))  # the newer attempt has the last word
            due = _replay([(at, ok) for at, ok, _ in hist])
            if due is None:
                continue
            at, _, a = hist[-1]
            try:
                p = catalog().get(pid)
                title, levels = p.title, len(p.levels)
            except UnknownProblem:
                title, levels = pid, a.target_level
            if levels > 1:
                never = ", ".join(str(n) for n in range(a.levels_passed + 1, a.target_level + 1))
                reason = (f"the clock ran out with {a.levels_passed} of {levels} levels passed on {at:%b %d}; "
                          f"level{'s' if a.target_level - a.levels_passed > 1 else ''} {never} never passed")
            else:
                reason = f"not passed before the clock ran out on {at:%b %d}"
            misses = sum(1 for _, ok, _ in hist if not ok)
            if misses > 1:
                reason += f" ({misses} misses)"
            out.append(ReviewItem("problem", pid, title, reason, due, at, f"/p/{pid}", f"rounds start {pid}"))
        return out


def _designs(sessions: SessionFactory) -> list[ReviewItem]:
    from rounds.content.design import bank

    b = bank()
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        rows = s.scalars(select(DesignSession).where(DesignSession.user_id == uid,
                                                     DesignSession.marked_at.is_not(None))
                         .order_by(DesignSession.marked_at)).all()
        history: dict[str, list[tuple[datetime, bool, DesignSession]]] = {}
        for r in rows:
            missed = [k for k, m in (r.marks or {}).items() if m.get("mark") == "missed"]
            assert r.marked_at is not None
            history.setdefault(r.prompt_id, []).append((_utc(r.marked_at), not missed, r))
        out = []
        for pid, hist in history.items():
            due = _replay([(at, ok) for at, ok, _ in hist])
            if due is None:
                continue
            at, _, r = hist[-1]
            p = b.prompts.get(pid)
            names = []
            for k, m in (r.marks or {}).items():
                if m.get("mark") == "missed":
                    names.append(next((i.item for i in p.rubric if i.id == k), k) if p else k)
            reason = f"missed on {at:%b %d}: " + "; ".join(names[:3]) + (f" and {len(names) - 3} more"
                                                                          if len(names) > 3 else "")
            out.append(ReviewItem("design", pid, p.title if p else pid, reason, due, at, f"/design/{pid}",
                                  f"rounds design start {pid}"))
        return out


def _stories(sessions: SessionFactory) -> list[ReviewItem]:
    from rounds.services.deliveries import deliveries

    views = sorted(deliveries(sessions=sessions, limit=10_000), key=lambda d: (d.delivered_at, d.id))
    history: dict[str, list[tuple[datetime, bool, float, int, str]]] = {}
    for d in views:
        length = d.spoken_s
        if length is None:
            continue
        over = length > d.target_s * OVER
        history.setdefault(d.question_id, []).append((_utc(d.delivered_at), not over, length, d.target_s,
                                                      d.question))
    out = []
    for qid, hist in history.items():
        due = _replay([(at, ok) for at, ok, *_ in hist])
        if due is None:
            continue
        at, _, length, target, question = hist[-1]
        reason = (f"took {int(length) // 60}:{int(length) % 60:02d} against a {target // 60}:{target % 60:02d} "
                  f"target on {at:%b %d}")
        link = "/behavioral/practice?" + urlencode({"q": qid})
        out.append(ReviewItem("story", qid, question, reason, due, at, link))
    return out


def _cards(sessions: SessionFactory) -> list[ReviewItem]:
    from rounds.content.cards import bank

    b = bank()
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        states = {st.card_id: st for st in s.scalars(select(CardState).where(CardState.user_id == uid)).all()}
        last: dict[str, CardReview] = {}
        for rv in s.scalars(select(CardReview).where(CardReview.user_id == uid)
                            .order_by(CardReview.reviewed_at, CardReview.id)).all():
            last[rv.card_id] = rv
        out = []
        for cid, rv in last.items():
            st = states.get(cid)
            if rv.rating != 1 or st is None:
                continue
            c = b.cards.get(cid)
            at = _utc(rv.reviewed_at)
            out.append(ReviewItem("card", cid, c.question if c else cid, f"graded Again on {at:%b %d}",
                                  _utc(st.due), at, "/cards/review?" + urlencode({"deck": cid.split("/", 1)[0]}),
                                  f"rounds cards review --decks {cid.split('/', 1)[0]}"))
        return out


def queue(*, sessions: SessionFactory, now: datetime | None = None, kinds: tuple[str, ...] = KINDS) -> Queue:
    """Everything missed across the rounds, the earliest due first, each with its reason."""
    now = _utc(now or now_utc())
    items: list[ReviewItem] = []
    if "problem" in kinds:
        items += _problems(sessions, now)
    if "design" in kinds:
        items += _designs(sessions)
    if "story" in kinds:
        items += _stories(sessions)
    if "card" in kinds:
        items += _cards(sessions)
    items.sort(key=lambda i: (i.due, i.kind, i.id))
    return Queue(now, items)
