"""What a coach sees of a cohort: the learners of their group and their scorecards, and what a
learner chose to share (a story, a delivery with its recording). Never more: a learner's code,
stories and recordings stay theirs unless shared.

An admin sees every group. A coach whose own group is empty sees no one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from rounds.content.catalog import Catalog, UnknownProblem
from rounds.content.vocabulary import round_name
from rounds.domain.attempt import AttemptStatus
from rounds.services import deliveries, stories
from rounds.services.accounts import CurrentUser
from rounds.services.errors import ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import Attempt, CardReview, User
from rounds.storage.models_accounts import SHARE_KINDS, Account, Share
from rounds.storage.models_behavioral import Delivery, Story
from rounds.storage.models_design import DesignSession
from rounds.storage.models_loop import LoopRun


class NotYours(ServiceError):
    """Not a learner of this coach's group, or not shared: answered as if it did not exist."""


@dataclass
class RoundScore:
    round: str
    attempts: int = 0
    solved: int = 0
    best: int | None = None
    scores: list[int] = field(default_factory=list)

    @property
    def mean(self) -> float | None:
        return round(sum(self.scores) / len(self.scores), 1) if self.scores else None


@dataclass
class LearnerRow:
    id: int
    name: str
    group: str
    last_active: datetime | None
    attempts: int
    solved: int
    rounds: list[RoundScore]
    cards_reviewed: int
    designs_marked: int
    shared: int
    loops: int = 0  # mock loops started


@dataclass
class AttemptRow:
    problem_id: str
    title: str
    round: str
    mode: str
    status: str
    levels_passed: int
    levels: int
    score: int | None
    started_at: datetime


@dataclass
class LoopRoundCard:
    title: str
    kind: str
    status: str
    summary: str  # on the round's own scale
    estimate: str | None  # no | lean no | lean hire | hire; None: not scored
    evidence: tuple[str, ...]


@dataclass
class LoopCard:
    """A mock loop's scorecard as the coach sees it: scores and their evidence, never the answers."""
    id: int
    title: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    estimate: str | None
    signals: dict[str, float]  # signal name -> 0..1, over the rounds that measured it
    rounds: list[LoopRoundCard]


@dataclass
class Scorecard:
    learner: LearnerRow
    attempts: list[AttemptRow]
    shared_stories: list[stories.StoryView]
    shared_deliveries: list[deliveries.DeliveryView]
    loops: list[LoopCard] = field(default_factory=list)


def _utc(ts: datetime | None) -> datetime | None:
    return None if ts is None else ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def learner_ids(s: Session, coach: CurrentUser) -> list[int]:
    """The learners a coach (or an admin: everyone with a login but themselves) may see."""
    q = select(Account.user_id).where(Account.user_id != coach.id)
    if coach.admin:
        pass
    elif coach.role == "coach" and coach.group:
        q = q.where(Account.group_name == coach.group, Account.role == "learner")
    else:
        return []
    return list(s.scalars(q).all())


def _check(s: Session, coach: CurrentUser, learner_id: int) -> None:
    if learner_id not in learner_ids(s, coach):
        raise NotYours(f"There is no learner {learner_id} in your group.")


def _track(catalog: Catalog, pid: str) -> tuple[str, str, int | None]:
    try:
        p = catalog.get(pid)
        return p.track, p.title, len(p.levels)
    except UnknownProblem:
        return pid.split("/", 1)[0], pid, None


def _row(s: Session, catalog: Catalog, uid: int) -> tuple[LearnerRow, list[AttemptRow]]:
    user = s.get(User, uid)
    acc = s.get(Account, uid)
    assert user is not None and acc is not None
    per: dict[str, RoundScore] = {}
    rows: list[AttemptRow] = []
    solved = 0
    last: datetime | None = None
    for a in s.scalars(select(Attempt).where(Attempt.user_id == uid).order_by(Attempt.started_at.desc())).all():
        track, title, n = _track(catalog, a.problem_id)
        rs = per.setdefault(track, RoundScore(round_name(track)))
        rs.attempts += 1
        done = a.status == AttemptStatus.COMPLETED.value
        rs.solved += done
        solved += done
        if a.score is not None:
            rs.scores.append(a.score)
            rs.best = max(rs.best or 0, a.score)
        started = _utc(a.started_at)
        last = max(last, started) if last and started else (last or started)
        rows.append(AttemptRow(a.problem_id, title, round_name(track), a.mode, a.status, a.levels_passed,
                               n or a.target_level, a.score, started or a.started_at))
    reviews = s.execute(select(func.count(), func.max(CardReview.reviewed_at))
                        .where(CardReview.user_id == uid)).one()
    if reviews[1] is not None:
        last = max(last, _utc(reviews[1])) if last else _utc(reviews[1])  # type: ignore[type-var]
    designs = s.scalar(select(func.count()).select_from(DesignSession)
                       .where(DesignSession.user_id == uid, DesignSession.marked_at.is_not(None))) or 0
    shared = s.scalar(select(func.count()).select_from(Share).where(Share.user_id == uid)) or 0
    runs = s.scalar(select(func.count()).select_from(LoopRun).where(LoopRun.user_id == uid)) or 0
    learner = LearnerRow(uid, user.name, acc.group_name, last, len(rows), solved,
                         sorted(per.values(), key=lambda r: r.round), int(reviews[0] or 0), int(designs), int(shared),
                         int(runs))
    return learner, rows


def learners(*, sessions: SessionFactory, catalog: Catalog, coach: CurrentUser) -> list[LearnerRow]:
    """The coach's learners with a one-line scorecard each, by name."""
    with sessions.begin() as s:
        out = [_row(s, catalog, uid)[0] for uid in learner_ids(s, coach)]
    return sorted(out, key=lambda r: (r.group, r.name))


def scorecard(*, sessions: SessionFactory, catalog: Catalog, coach: CurrentUser, learner_id: int) -> Scorecard:
    """One learner's scores per round and attempts (never their code), and what they shared."""
    with sessions.begin() as s:
        _check(s, coach, learner_id)
        learner, rows = _row(s, catalog, learner_id)
        ids = {k: set(s.scalars(select(Share.ref_id).where(Share.user_id == learner_id, Share.kind == k)).all())
               for k in SHARE_KINDS}
    with repo.acting_as(learner_id):  # the learner's own services, for the shared rows and the loops' scores
        shared_stories = [st for st in stories.list_stories(sessions=sessions) if st.id in ids["story"]]
        shared_deliveries = [d for d in deliveries.deliveries(sessions=sessions, limit=500) if d.id in ids["delivery"]]
        cards = _loop_cards(sessions)
    return Scorecard(learner, rows, shared_stories, shared_deliveries, cards)


LOOPS_SHOWN = 10


def _loop_cards(sessions: SessionFactory) -> list[LoopCard]:
    """The acting learner's newest mock loops, scores only. Reading a loop settles rounds whose clock
    ran out, as the learner's own next look would."""
    from rounds.services import loops

    out = []
    for row in loops.past_runs(sessions=sessions, limit=LOOPS_SHOWN):
        v = loops.view(sessions=sessions, run_id=row.id)
        est = v.estimate
        out.append(LoopCard(
            v.id, v.title, v.status, v.started_at, v.finished_at, est.label if est else None,
            {loops.SIGNAL_NAMES[k]: x for k, x in v.signals.items()},
            [LoopRoundCard(r.title, r.kind_name, r.status, r.result.summary,
                           r.result.estimate.label if r.result.estimate else None,
                           r.result.estimate.evidence if r.result.estimate else ())
             for r in v.rounds]))
    return out


def _shared(s: Session, coach: CurrentUser, learner_id: int, kind: str, ref_id: int) -> None:
    _check(s, coach, learner_id)
    found = s.scalar(select(Share.id).where(Share.user_id == learner_id, Share.kind == kind, Share.ref_id == ref_id))
    if found is None:
        raise NotYours(f"There is no shared {kind} {ref_id}.")


def shared_story(*, sessions: SessionFactory, coach: CurrentUser, learner_id: int, story_id: int) -> stories.StoryView:
    with sessions.begin() as s:
        _shared(s, coach, learner_id, "story", story_id)
    with repo.acting_as(learner_id):
        return stories.get_story(sessions=sessions, story_id=story_id)


def shared_delivery(*, sessions: SessionFactory, coach: CurrentUser, learner_id: int,
                    delivery_id: int) -> deliveries.DeliveryView:
    with sessions.begin() as s:
        _shared(s, coach, learner_id, "delivery", delivery_id)
    with repo.acting_as(learner_id):
        return deliveries.get_delivery(sessions=sessions, delivery_id=delivery_id)


def shared_recording(*, sessions: SessionFactory, data_dir: Path, coach: CurrentUser, learner_id: int,
                     delivery_id: int) -> tuple[Path, str] | None:
    with sessions.begin() as s:
        _shared(s, coach, learner_id, "delivery", delivery_id)
    with repo.acting_as(learner_id):
        return deliveries.recording_path(sessions=sessions, data_dir=data_dir, delivery_id=delivery_id)


# ---------------------------------------------------------------- the learner's side


def set_shared(*, sessions: SessionFactory, kind: str, ref_id: int, shared: bool) -> None:
    """Share one of the acting user's stories or deliveries with the coaches of their group (or stop)."""
    if kind not in SHARE_KINDS:
        raise NotYours(f"Only {' and '.join(SHARE_KINDS)} can be shared.")
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        row = s.get(Story, ref_id) if kind == "story" else s.get(Delivery, ref_id)
        if row is None or row.user_id != uid:
            raise NotYours(f"There is no {kind} {ref_id}.")
        s.execute(delete(Share).where(Share.user_id == uid, Share.kind == kind, Share.ref_id == ref_id))
        if shared:
            s.add(Share(user_id=uid, kind=kind, ref_id=ref_id))


def is_shared(*, sessions: SessionFactory, kind: str, ref_id: int) -> bool:
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        return s.scalar(select(Share.id).where(Share.user_id == uid, Share.kind == kind,
                                               Share.ref_id == ref_id)) is not None
