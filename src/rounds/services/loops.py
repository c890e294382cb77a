"""The mock loop: a loop template run round after round, each round on its own clock, then a scorecard.

A run picks an item for every round when it starts (a problem, a design prompt, questions: ones
the user has not seen first, else ones due again, else the least recently practised), so the
agenda is known from the first minute. Each round is started by the user and then runs on its own
server-side clock that never pauses: the deadline is stored, and every read applies it, so a
crash, a closed laptop or a second device finds the run exactly where it stands. A round delegates
to the round the app already has:

* coding and codebase: an attempt at the problem in *full* mode with *blind* feedback against the
  round's minutes (the attempt's own deadline is the round's);
* cards-screen: a card screen (the questions, the clock, the reveal and the self-grades);
* model-design and infra-design: a design session (phases, notes, diagram, rubric marks);
* behavioral and deep-dive: timed takes at the round's questions (found by question id in the
  round's window); a deep dive with a talk also counts the newest talk rehearsal saved in the window,
  with its self-assessment against the talk rubric.

The result is read back from that round every time it is shown, so marks given after the clock
(a design rubric, the grades of a card screen, a take's self-check) count. A round ends when the
user finishes it or at its deadline; the break the template allows follows it, and the next round
starts when the user says so.

Scoring: each round's result on its own scale, mapped onto signals (coding speed, correctness,
design, ML depth, communication, leadership) in 0..1, and a hire / lean hire / lean no / no
estimate explained by its evidence. See docs/loops.md.
"""

from __future__ import annotations

import html
import random
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rounds.content import loops as content
from rounds.content.loops import KIND_NAMES, RoundSpec, Template
from rounds.domain.attempt import now_utc
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import Attempt
from rounds.storage.models_loop import LoopRound, LoopRun

SIGNALS = ("coding-speed", "correctness", "design", "ml-depth", "communication", "leadership")
SIGNAL_NAMES = {"coding-speed": "coding speed", "correctness": "correctness", "design": "design",
                "ml-depth": "ML depth", "communication": "communication", "leadership": "leadership"}
ESTIMATES = ("no", "lean no", "lean hire", "hire")  # index = points
ENDED = ("done", "expired", "skipped", "missing")
TAKE_GRACE = timedelta(minutes=5)  # a take saved just after the round's clock still counts
DESIGN_ML_SIGNALS = {"ml-objective", "data-and-labels", "features", "architecture", "evaluation"}
ADVICE = {
    "coding-speed": "timed full attempts (`rounds start ID --mode full`): the clock, not the idea, was short",
    "correctness": "problems you failed, in standard feedback, then again blind; read each failing test's message",
    "design": "a design prompt you have not done, then its rubric; practise the phases against their minutes",
    "ml-depth": "the fundamentals cards due (`rounds cards review`) and ML coding from scratch",
    "communication": "timed takes spoken aloud: land each answer in 1 to 2 minutes with fewer filler words",
    "leadership": "stories with a clear action and impact for the leadership and ownership questions "
                  "(`rounds stories coverage`)",
}


class LoopNotFound(ServiceError):
    """No loop run with that id."""


def _utc(ts: datetime) -> datetime:
    from datetime import UTC

    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


# ---------------------------------------------------------------- templates


@dataclass(frozen=True)
class TemplateRow:
    template: Template
    missing: dict[int, str]  # round index -> why the catalog has nothing for it


def templates() -> list[TemplateRow]:
    """Every template (bundled and the user's own), with the rounds the catalog lacks."""
    out = []
    for t in content.loops():
        missing = {n: why for n, r in enumerate(t.rounds) if (why := content.available(r))}
        out.append(TemplateRow(t, missing))
    return out


def template_failures() -> dict[str, list[str]]:
    """Templates that could not be read (your own, mostly): file -> the mistakes."""
    return dict(content.loops().failures)


def get_template(template_id: str) -> Template:
    try:
        return content.loops().get(template_id)
    except KeyError as exc:
        raise InvalidInput(str(exc.args[0])) from None


# ---------------------------------------------------------------- picking items


def _attempt_history(s: Session, uid: int) -> dict[str, tuple[datetime, bool]]:
    """problem id -> (last started, ever completed)."""
    out: dict[str, tuple[datetime, bool]] = {}
    for a in s.scalars(select(Attempt).where(Attempt.user_id == uid)).all():
        last, done = out.get(a.problem_id, (_utc(a.started_at), False))
        out[a.problem_id] = (max(last, _utc(a.started_at)), done or a.status == "completed")
    return out


def _order(ids: list[str], seen: dict[str, tuple[datetime, bool]], rng: random.Random) -> list[str]:
    """Not seen first (shuffled), then due (never passed), then the least recently practised."""
    fresh = [i for i in ids if i not in seen]
    rng.shuffle(fresh)
    due = sorted((i for i in ids if i in seen and not seen[i][1]), key=lambda i: seen[i][0])
    rest = sorted((i for i in ids if i in seen and seen[i][1]), key=lambda i: seen[i][0])
    return fresh + due + rest


@dataclass
class _Pick:
    item_id: str = ""
    item_title: str = ""
    items: list[str] = field(default_factory=list)
    note: str = ""


def _pick(s: Session, uid: int, spec: RoundSpec, taken: set[str], rng: random.Random) -> _Pick:
    why = content.available(spec)
    if why:
        return _Pick(note=why)
    if spec.kind in ("coding", "codebase"):
        from rounds.content.catalog import catalog

        cands = {p.id: p for p in content.coding_candidates(spec, catalog()) if p.id not in taken}
        if not cands:
            return _Pick(note="every matching problem is already in this loop")
        order = _order(sorted(cands), _attempt_history(s, uid), rng)
        p = cands[order[0]]
        return _Pick(p.id, p.title)
    if spec.kind in ("model-design", "infra-design"):
        from rounds.content.design import bank as design_bank
        from rounds.storage.models_design import DesignSession

        kind = spec.kind.split("-")[0]
        prompts = {p.key: p for p in design_bank().of_kind(kind) if p.key not in taken}
        fitting = {k: p for k, p in prompts.items() if p.minutes == spec.minutes}
        prompts = fitting or prompts  # a prompt written for the round's length, where there is one
        if not prompts:
            return _Pick(note="every prompt of that kind is already in this loop")
        seen: dict[str, tuple[datetime, bool]] = {}
        for r in s.scalars(select(DesignSession).where(DesignSession.user_id == uid)).all():
            last, done = seen.get(r.prompt_id, (_utc(r.started_at), False))
            seen[r.prompt_id] = (max(last, _utc(r.started_at)), done or r.marked_at is not None)
        pid = _order(sorted(prompts), seen, rng)[0]
        return _Pick(pid, prompts[pid].title)
    if spec.kind == "cards-screen":
        decks = ", ".join(spec.decks) or "every deck"
        return _Pick("", f"{spec.questions} questions from {decks}")
    from rounds.content.behavioral import bank as behavioral_bank
    from rounds.storage.models_behavioral import Delivery

    bb = behavioral_bank()
    if spec.kind == "behavioral":
        pool = {q.id: (q.signal, q.question) for q in bb.questions.values()}
    else:
        pool = {f"probe/{p.id}": (p.area, p.question) for p in bb.probes.values()}
    pool = {k: v for k, v in pool.items() if k not in taken}
    told: dict[str, tuple[datetime, bool]] = {}
    for d in s.scalars(select(Delivery).where(Delivery.user_id == uid)).all():
        prev = told.get(d.question_id)
        at = _utc(d.delivered_at)
        told[d.question_id] = (max(prev[0], at) if prev else at, True)
    ordered = _order(sorted(pool), told, rng)
    chosen: list[str] = []
    groups: set[str] = set()
    for qid in ordered:  # spread across signals (areas) first
        if len(chosen) < spec.questions and pool[qid][0] not in groups:
            chosen.append(qid)
            groups.add(pool[qid][0])
    for qid in ordered:
        if len(chosen) < spec.questions and qid not in chosen:
            chosen.append(qid)
    title = (f"your research talk, then {len(chosen)} questions" if spec.talk
             else f"{len(chosen)} questions")
    return _Pick("", title, chosen)


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class Estimate:
    points: int  # 0 no .. 3 hire
    evidence: tuple[str, ...]

    @property
    def label(self) -> str:
        return ESTIMATES[self.points]


@dataclass(frozen=True)
class RoundResult:
    state: str  # none (not started or nothing done) | waiting (marks or grades to give) | scored
    summary: str  # on the round's own scale
    signals: dict[str, float]
    estimate: Estimate | None
    raw: dict[str, Any]


@dataclass(frozen=True)
class RoundView:
    id: int
    position: int
    kind: str
    title: str
    minutes: int
    break_after: int
    item_id: str
    item_title: str
    items: tuple[str, ...]
    ref_id: int | None
    status: str
    started_at: datetime | None
    deadline: datetime | None
    ended_at: datetime | None
    note: str
    remaining_s: float | None  # running only
    result: RoundResult
    spec: RoundSpec

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def ended(self) -> bool:
        return self.status in ENDED

    @property
    def link(self) -> str:
        """The round's own page."""
        if self.ref_id is None:
            return ""
        if self.kind in ("coding", "codebase"):
            return f"/p/{self.item_id}?attempt={self.ref_id}"
        if self.kind == "cards-screen":
            return f"/cards/screen/{self.ref_id}"
        if self.kind in ("model-design", "infra-design"):
            return f"/design/sessions/{self.ref_id}"
        return ""

    @property
    def question_links(self) -> list[tuple[str, str, str]]:
        """(question id, the question as asked, its practice page) for a behavioral or deep-dive round."""
        from urllib.parse import urlencode

        from rounds.content.behavioral import bank as behavioral_bank

        b = behavioral_bank()
        out = []
        for q in self.items:
            found = b.probes.get(q.removeprefix("probe/")) if q.startswith("probe/") else b.questions.get(q)
            out.append((q, found.question if found else q, "/behavioral/practice?" + urlencode({"q": q})))
        return out

    @property
    def talk_link(self) -> str:
        """A deep dive with a talk: the page of the talk rehearsal counted, else where to rehearse."""
        if self.kind != "deep-dive" or not self.spec.talk:
            return ""
        rid = self.result.raw.get("talk")
        return f"/talks/{rid}" if rid else "/projects/rehearse"

    @property
    def terminal(self) -> str:
        """How to work on the round in the terminal, where there is a way."""
        if self.kind in ("coding", "codebase") and self.item_id:
            return f"rounds start {self.item_id}"
        if self.kind == "deep-dive" and self.spec.talk:
            return "rounds deck rehearse PROJECT"
        return ""

    @property
    def spent_s(self) -> float | None:
        if self.started_at is None:
            return None
        end = self.ended_at or (self.deadline if self.remaining_s == 0 else None)
        if end is None:
            return None
        return max(0.0, (end - self.started_at).total_seconds())


@dataclass(frozen=True)
class RunView:
    id: int
    template_id: str
    title: str
    company: str
    reported: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    rounds: list[RoundView]
    phase: str  # round | break | ready | done
    current: RoundView | None  # the running round, else the next to start
    break_until: datetime | None  # phase break: when the allowed break ends
    now: datetime

    @property
    def break_remaining_s(self) -> float:
        return max(0.0, (self.break_until - self.now).total_seconds()) if self.break_until else 0.0

    @property
    def estimate(self) -> Estimate | None:
        """The loop's overall estimate: the mean of the rounds' points, any round at no caps it at lean no."""
        ests = [r.result.estimate for r in self.rounds if r.result.estimate is not None]
        if not ests:
            return None
        mean = sum(e.points for e in ests) / len(ests)
        points = round(mean)
        if any(e.points == 0 for e in ests):
            points = min(points, 1)
        ev = [f"{r.title}: {r.result.estimate.label}" for r in self.rounds if r.result.estimate is not None]
        return Estimate(points, tuple(ev))

    @property
    def signals(self) -> dict[str, float]:
        """Each signal's mean over the rounds that measured it."""
        acc: dict[str, list[float]] = {}
        for r in self.rounds:
            for k, v in r.result.signals.items():
                acc.setdefault(k, []).append(v)
        return {k: round(sum(acc[k]) / len(acc[k]), 3) for k in SIGNALS if acc.get(k)}


def _est(score: float, evidence: list[str], cuts: tuple[float, float, float] = (0.8, 0.6, 0.4)) -> Estimate:
    points = 3 if score >= cuts[0] else 2 if score >= cuts[1] else 1 if score >= cuts[2] else 0
    return Estimate(points, tuple(evidence))


def _mmss(seconds: float) -> str:
    s = int(max(0, seconds))
    return f"{s // 60}:{s % 60:02d}"


def _coding_result(sessions: SessionFactory, r: LoopRound, now: datetime) -> RoundResult:
    from rounds.services import attempts

    assert r.ref_id is not None
    v = attempts.attempt_status(sessions=sessions, attempt_id=r.ref_id, now=now)
    cutoff = _utc(r.ended_at) if r.ended_at else now  # what came after the round's end does not count
    subs = [x for x in v.recent if x.kind == "submit" and x.tests_total and _utc(x.created_at) <= cutoff]
    last = subs[0] if subs else None
    with sessions.begin() as s:
        passed = {e.level for e in repo.events(s, r.ref_id)
                  if e.kind.value == "level_passed" and _utc(e.at) <= cutoff}
    levels_passed = len(passed)
    levels = max(1, v.levels)
    share = levels_passed / levels
    score = v.score if levels_passed == v.levels_passed else 200 + round(400 * share)
    tests = (last.tests_passed or 0) / (last.tests_total or 1) if last else 0.0
    correctness = round(share if v.levels > 1 else (1.0 if levels_passed else 0.6 * tests), 3)
    budget = r.minutes * 60
    end = v.finished_at if v.status == "completed" and v.finished_at and _utc(v.finished_at) <= cutoff else None
    used = (_utc(end) - _utc(v.started_at)).total_seconds() if end else None
    speed = round(0.5 + 0.5 * max(0.0, 1 - used / budget), 3) if used is not None else round(0.4 * share, 3)
    raw = {"levels_passed": levels_passed, "levels": v.levels, "score": score, "status": v.status,
           "tests_passed": last.tests_passed if last else None, "tests_total": last.tests_total if last else None,
           "submissions": len(subs), "used_s": used}
    if not subs and not levels_passed:
        state = "none" if r.status in ("pending", "running") else "scored"
        if state == "none":
            return RoundResult("none", "no submission yet", {}, None, raw)
    evidence = [f"{levels_passed} of {v.levels} level{'s' if v.levels != 1 else ''} passed"
                + (f" (score {score} of 600)" if score is not None else "")]
    if last:
        evidence.append(f"last submission: {last.tests_passed} of {last.tests_total} hidden tests"
                        f" ({last.verdict or 'not judged'})")
    else:
        evidence.append("nothing submitted before the clock")
    evidence.append(f"finished in {_mmss(used)} of {r.minutes}:00" if used is not None
                    else "not finished within the round")
    signals = {"correctness": correctness, "coding-speed": speed}
    if r.spec.get("tracks") == ["ml"] or r.item_id.startswith("ml/"):
        signals["ml-depth"] = correctness
    overall = 0.7 * correctness + 0.3 * speed
    summary = f"{levels_passed}/{v.levels} levels" + (f", score {score}/600" if score is not None
                                                       else ", nothing submitted")
    if last:
        summary += f", {last.tests_passed}/{last.tests_total} tests"
    return RoundResult("scored", summary, signals, _est(overall, evidence), raw)


def _cards_result(sessions: SessionFactory, r: LoopRound, now: datetime) -> RoundResult:
    from rounds.content.cards import bank as cards_bank
    from rounds.services import card_practice as cp
    from rounds.services import own_cards

    assert r.ref_id is not None
    b = own_cards.practice_bank(sessions=sessions, base=cards_bank())
    v = cp.screen(sessions=sessions, bank=b, session_id=r.ref_id, now=now)
    raw = {"phase": v.phase, "verdict": v.verdict, "passed": v.passed, "questions": v.questions}
    if v.phase == "question":
        return RoundResult("none", "questions on screen", {}, None, raw)
    if v.verdict is None:
        return RoundResult("waiting", "grade your answers on the screen's page", {}, None, raw)
    share = (v.passed or 0) / max(1, v.questions)
    answered = sum(1 for i in v.items if i.status == "answered" and i.answer)
    evidence = [f"{v.passed} of {v.questions} questions graded Hard or better (screen {v.verdict})",
                f"{answered} answered before the clock"]
    return RoundResult("scored", f"{v.passed}/{v.questions} cards, {v.verdict}",
                       {"ml-depth": round(share, 3), "communication": round(answered / max(1, v.questions), 3)},
                       _est(share, evidence, (0.99, 0.8, 0.6)), raw)


def _design_result(sessions: SessionFactory, r: LoopRound, now: datetime) -> RoundResult:
    from rounds.services import design_practice as dp

    assert r.ref_id is not None
    v = dp.view(sessions=sessions, session_id=r.ref_id, now=now)
    raw = {"stage": v.stage, "score": v.score, "spent_s": v.spent_s, "time_ran_out": v.time_ran_out}
    if not v.marked or v.score is None:
        return RoundResult("waiting" if v.finished else "none",
                           "mark the rubric on the session's page" if v.finished else "the design round is on",
                           {}, None, raw)
    from rounds.services.design_practice import MARK_VALUE

    marks = {i.item.id: (i.mark, i.item.signal) for i in v.items}
    ml = [MARK_VALUE[m] for m, sig in marks.values() if m in MARK_VALUE and sig in DESIGN_ML_SIGNALS]
    comm = [MARK_VALUE[m] for m, sig in marks.values() if m in MARK_VALUE and sig == "communication"]
    covered = sum(1 for m, _ in marks.values() if m == "covered")
    missed = [i.item.item for i in v.items if i.mark == "missed"]
    signals = {"design": v.score}
    if ml:
        signals["ml-depth"] = round(sum(ml) / len(ml), 3)
    if comm:
        signals["communication"] = round(sum(comm) / len(comm), 3)
    evidence = [f"rubric {round(v.score * 100)}% covered ({covered} of {len(marks)} items fully)"]
    if missed:
        evidence.append("missed: " + "; ".join(missed[:3]) + (" ..." if len(missed) > 3 else ""))
    over = v.spent_s - r.minutes * 60
    if v.time_ran_out:
        evidence.append(f"the time ran out: the clock ended the round after {_mmss(v.spent_s)}")
    elif over > 60:
        evidence.append(f"ran {_mmss(over)} over the round's {r.minutes} minutes")
    return RoundResult("scored", f"rubric {round(v.score * 100)}%", signals,
                       _est(v.score, evidence, (0.8, 0.65, 0.45)), raw)


def _takes_result(sessions: SessionFactory, r: LoopRound, now: datetime) -> RoundResult:
    from rounds.services import deliveries as dl

    start = _utc(r.started_at) if r.started_at else now
    end = (_utc(r.ended_at) if r.ended_at else now) + TAKE_GRACE
    takes = []
    for qid in r.items or []:
        mine = [d for d in dl.deliveries(sessions=sessions, question_id=qid, limit=20)
                if start <= _utc(d.delivered_at) <= end]
        if mine:
            takes.append(mine[0])  # the newest take in the round's window
    asked = len(r.items or [])
    raw = {"takes": [t.id for t in takes], "answered": [t.question_id for t in takes], "questions": asked}
    if not takes:
        if r.status in ("done", "expired"):  # the round is over and nothing was said
            return RoundResult("scored", f"0 of {asked} questions answered", {"communication": 0.0},
                               Estimate(0, ("no question answered within the round",)), raw)
        return RoundResult("none", f"0 of {asked} questions answered", {}, None, raw)
    cover = [len(t.checks) / len(t.checklist) if t.checklist else 0.0 for t in takes]
    in_band = []
    over = 0
    for t in takes:
        length = t.spoken_s or 0
        ok = dl.TARGET[0] * 0.5 <= length <= t.target_s * 1.25
        over += length > t.target_s * 1.25
        filler_rate = t.fillers / max(1, t.words)
        in_band.append((1.0 if ok else 0.4) * (1.0 if filler_rate <= 0.03 else 0.7))
    answered = len(takes) / max(1, asked)
    coverage = sum(cover) / len(cover) * answered
    delivery = sum(in_band) / len(in_band) * answered
    signals = {"communication": round(delivery, 3)}
    signals["ml-depth" if r.kind == "deep-dive" else "leadership"] = round(coverage, 3)
    evidence = [f"{len(takes)} of {asked} questions answered",
                f"self-check coverage {round(100 * sum(cover) / len(cover))}%",
                f"{len(takes) - over} of {len(takes)} answers within the length band"
                + (f" ({over} over time)" if over else "")]
    score = 0.6 * coverage + 0.4 * delivery
    return RoundResult("scored", f"{len(takes)}/{asked} answered, coverage {round(100 * sum(cover) / len(cover))}%",
                       signals, _est(score, evidence, (0.8, 0.65, 0.45)), raw)


def _talk_result(sessions: SessionFactory, r: LoopRound, now: datetime) -> RoundResult:
    """A deep dive with a talk: the newest talk rehearsal saved in the round's window, then the questions.

    The talk scores 0.7 x rubric coverage + 0.3 x timing (1 within 10 % of the budget, 0.5 within 25 %);
    the round is half talk, half questions (0.6 coverage + 0.4 delivery, as in _takes_result). ML depth
    averages the questions' coverage and the rubric's; communication the answers' delivery and the talk.
    A rehearsal not yet self-assessed leaves the round waiting; no talk in an ended round scores it 0.
    """
    from rounds.services import talks

    q = _takes_result(sessions, r, now)
    start = _utc(r.started_at) if r.started_at else now
    end = (_utc(r.ended_at) if r.ended_at else now) + TAKE_GRACE
    found = talks.rehearsals(sessions=sessions, since=start, until=end, limit=1)
    talk = found[0] if found else None
    raw = {**q.raw, "talk": talk.id if talk else None}
    if talk is not None and not talk.assessed:
        return RoundResult("waiting", "self-assess your talk on its rehearsal page", {}, None, raw)
    ended = r.status in ("done", "expired")
    if talk is None and q.state == "none" and not ended:
        return RoundResult("none", f"no talk yet, {q.summary}", {}, None, raw)
    q_cov = q.signals.get("ml-depth", 0.0)
    q_del = q.signals.get("communication", 0.0)
    q_score = 0.6 * q_cov + 0.4 * q_del
    if talk is not None:
        t_cov, t_time = talk.coverage, talk.timing
        raw.update(talk_covered=talk.covered, talk_items=len(talk.rubric), talk_total_s=talk.total_s,
                   talk_budget_s=talk.budget_s, talk_kept=talk.kept)
        line = f"talk: {talk.covered} of {len(talk.rubric)} rubric items, {talk.time_line}"
        head = f"talk {talk.covered}/{len(talk.rubric)}, {talk.time_line}"
    else:
        t_cov = t_time = 0.0
        line = "no talk rehearsal saved within the round" if ended else "no talk rehearsal saved yet"
        head = "no talk"
    t_score = 0.7 * t_cov + 0.3 * t_time
    signals = {"ml-depth": round((q_cov + t_cov) / 2, 3),
               "communication": round((q_del + 0.5 * t_cov + 0.5 * t_time) / 2, 3)}
    evidence = [line, *(q.estimate.evidence if q.estimate else ())]
    score = 0.5 * t_score + 0.5 * q_score
    return RoundResult("scored", f"{head}; {q.summary}", signals, _est(score, evidence, (0.8, 0.65, 0.45)), raw)


def _result(sessions: SessionFactory, r: LoopRound, now: datetime) -> RoundResult:
    if r.status in ("skipped", "missing"):
        return RoundResult("none", r.note or r.status, {}, None, {})
    if r.status == "pending":
        return RoundResult("none", "not started", {}, None, {})
    try:
        if r.kind in ("coding", "codebase"):
            return _coding_result(sessions, r, now)
        if r.kind == "cards-screen":
            return _cards_result(sessions, r, now)
        if r.kind in ("model-design", "infra-design"):
            return _design_result(sessions, r, now)
        if r.kind == "deep-dive" and (r.spec or {}).get("talk"):
            return _talk_result(sessions, r, now)
        return _takes_result(sessions, r, now)
    except ServiceError as exc:  # the round it delegates to is gone (deleted, or its content removed)
        return RoundResult("none", str(exc), {}, None, {})


def _round_view(sessions: SessionFactory, r: LoopRound, now: datetime, *, results: bool = True) -> RoundView:
    remaining = None
    if r.status == "running" and r.deadline is not None:
        remaining = max(0.0, (_utc(r.deadline) - now).total_seconds())
    result = _result(sessions, r, now) if results else RoundResult("none", "", {}, None, {})
    return RoundView(id=r.id, position=r.position, kind=r.kind, title=r.title, minutes=r.minutes,
                     break_after=r.break_after, item_id=r.item_id, item_title=r.item_title,
                     items=tuple(r.items or ()), ref_id=r.ref_id, status=r.status,
                     started_at=_utc(r.started_at) if r.started_at else None,
                     deadline=_utc(r.deadline) if r.deadline else None,
                     ended_at=_utc(r.ended_at) if r.ended_at else None, note=r.note, remaining_s=remaining,
                     result=result, spec=RoundSpec.from_json(r.spec))


# ---------------------------------------------------------------- the run


def _run(s: Session, run_id: int, *, lock: bool = False) -> LoopRun:
    row = s.get(LoopRun, run_id, with_for_update=lock)
    if row is None or row.user_id != repo.local_user_id(s):
        raise LoopNotFound(f"there is no loop run {run_id}")
    return row


def _rounds(s: Session, run_id: int) -> list[LoopRound]:
    return list(s.scalars(select(LoopRound).where(LoopRound.run_id == run_id).order_by(LoopRound.position)).all())


def _stop_delegate(sessions: SessionFactory, r: LoopRound, at: datetime, *, time_ran_out: bool = False) -> None:
    """Stop the round it delegates to where that round has a stop (a card screen, a design clock);
    ``time_ran_out``: the round's deadline stopped it, not the user."""
    if r.ref_id is None:
        return
    try:
        if r.kind == "cards-screen":
            from rounds.content.cards import bank as cards_bank
            from rounds.services import card_practice as cp
            from rounds.services import own_cards

            b = own_cards.practice_bank(sessions=sessions, base=cards_bank())
            cp.stop_screen(sessions=sessions, bank=b, session_id=r.ref_id, now=at)
        elif r.kind in ("model-design", "infra-design"):
            from rounds.services import design_practice as dp

            dp.finish(sessions=sessions, session_id=r.ref_id, now=at, time_ran_out=time_ran_out)
    except ServiceError:
        pass


def _delegate_done(s: Session, r: LoopRound, now: datetime) -> datetime | None:
    """When the round it delegates to ended by itself (every level passed, every question answered,
    the design clock stopped), else None."""
    if r.ref_id is None:
        return None
    if r.kind in ("coding", "codebase"):
        a = s.get(Attempt, r.ref_id)
        if a is not None and a.status == "completed" and a.finished_at is not None:
            return min(_utc(a.finished_at), now)
    elif r.kind == "cards-screen":
        from rounds.storage.models import CardSession

        cs = s.get(CardSession, r.ref_id)
        if cs is not None and cs.items and all(i.get("status") not in ("pending", "followup") for i in cs.items):
            times = [datetime.fromisoformat(i["answered_at"]) for i in cs.items if i.get("answered_at")]
            return min(max(times), now) if times else now
    elif r.kind in ("model-design", "infra-design"):
        from rounds.services import design_practice as dp
        from rounds.storage.models_design import DesignSession

        ds = s.get(DesignSession, r.ref_id)
        if ds is not None:
            dp.expire_if_due(s, ds, now)  # a design round whose own time ran out ended then
        if ds is not None and ds.finished and ds.finished_at is not None:
            return min(_utc(ds.finished_at), now)
    return None


def _settle(sessions: SessionFactory, run_id: int, now: datetime) -> None:
    """Apply the clocks: a running round past its deadline ends at it; a run whose rounds all ended finishes."""
    expired: list[LoopRound] = []
    with sessions.begin() as s:
        run = _run(s, run_id, lock=True)
        rounds = _rounds(s, run_id)
        for r in rounds:
            if r.status == "running" and r.deadline is not None and now >= _utc(r.deadline):
                r.status, r.ended_at = "expired", r.deadline
                expired.append(r)
            elif r.status == "running" and (done_at := _delegate_done(s, r, now)) is not None:
                r.status, r.ended_at = "done", done_at  # the round it delegates to has ended: so has this one
        if run.status == "active" and all(r.status in ENDED for r in rounds):
            run.status = "finished"
            run.finished_at = max((_utc(r.ended_at) for r in rounds if r.ended_at), default=now)
        s.flush()
        s.expunge_all()
    for r in expired:
        assert r.deadline is not None
        _stop_delegate(sessions, r, _utc(r.deadline), time_ran_out=True)


def start_run(*, sessions: SessionFactory, template_id: str, now: datetime | None = None,
              rng: random.Random | None = None) -> int:
    """Start a run of the template: the agenda with an item per round. Returns its id.

    One run at a time: while another is active, it must be finished or abandoned first.
    """
    now = _utc(now or now_utc())
    t = get_template(template_id)
    rng = rng or random.Random(secrets.randbits(64))
    previous = active_run(sessions=sessions)
    if previous is not None:  # a run whose clocks have all run out finishes now
        _settle(sessions, previous, now)
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        active = s.scalars(select(LoopRun).where(LoopRun.user_id == uid, LoopRun.status == "active")).first()
        if active is not None:
            raise InvalidInput(f"loop {active.id} ({active.title}) is still on: resume it or abandon it first")
        run = LoopRun(user_id=uid, template_id=t.id, title=t.title, template=t.as_json(), started_at=now,
                      status="active")
        s.add(run)
        s.flush()
        taken: set[str] = set()
        for n, spec in enumerate(t.rounds):
            p = _pick(s, uid, spec, taken, rng)
            taken.update([p.item_id, *p.items] if p.item_id else p.items)
            s.add(LoopRound(run_id=run.id, position=n, kind=spec.kind, title=spec.title, minutes=spec.minutes,
                            break_after=spec.break_after, spec=spec.as_json(), item_id=p.item_id,
                            item_title=p.item_title, items=p.items, status="missing" if p.note else "pending",
                            note=p.note, result={}))
        s.flush()
        return run.id


def active_run(*, sessions: SessionFactory) -> int | None:
    with sessions.begin() as s:
        row = s.scalars(select(LoopRun).where(LoopRun.user_id == repo.local_user_id(s), LoopRun.status == "active")
                        .order_by(LoopRun.started_at.desc())).first()
        return row.id if row else None


def view(*, sessions: SessionFactory, run_id: int, now: datetime | None = None, results: bool = True) -> RunView:
    """The run as it stands now (the clocks applied on read: they never pause)."""
    now = _utc(now or now_utc())
    _settle(sessions, run_id, now)
    with sessions.begin() as s:
        run = _run(s, run_id)
        rows = _rounds(s, run_id)
        s.expunge_all()
    rounds = [_round_view(sessions, r, now, results=results) for r in rows]
    running = next((r for r in rounds if r.status == "running"), None)
    nxt = next((r for r in rounds if r.status == "pending"), None)
    break_until = None
    if running is not None:
        phase, current = "round", running
    elif nxt is None or run.status != "active":
        phase, current = "done", None
    else:
        current = nxt
        before = [r for r in rounds if r.position < nxt.position and r.ended_at is not None]
        last = before[-1] if before else None
        if last is not None and last.break_after and last.status in ("done", "expired"):
            assert last.ended_at is not None
            until = last.ended_at + timedelta(minutes=last.break_after)
            if until > now:
                break_until = until
        phase = "break" if break_until else "ready"
    tpl = run.template or {}
    return RunView(id=run.id, template_id=run.template_id, title=run.title, company=tpl.get("company", ""),
                   reported=tpl.get("reported", ""), started_at=_utc(run.started_at),
                   finished_at=_utc(run.finished_at) if run.finished_at else None, status=run.status,
                   rounds=rounds, phase=phase, current=current, break_until=break_until, now=now)


def start_round(*, sessions: SessionFactory, run_id: int, now: datetime | None = None) -> RoundView:
    """Start the next round: its clock starts now (a break not used up is given back to no one)."""
    now = _utc(now or now_utc())
    _settle(sessions, run_id, now)
    with sessions.begin() as s:
        run = _run(s, run_id, lock=True)
        if run.status != "active":
            raise InvalidInput(f"loop {run_id} is {run.status}")
        rounds = _rounds(s, run_id)
        if any(r.status == "running" for r in rounds):
            raise InvalidInput("a round is on: finish it first (its clock never pauses)")
        nxt = next((r for r in rounds if r.status == "pending"), None)
        if nxt is None:
            raise InvalidInput("every round of this loop has ended")
        position, kind, item, minutes, spec = nxt.position, nxt.kind, nxt.item_id, nxt.minutes, dict(nxt.spec)
    ref = _start_delegate(sessions, kind, item, minutes, spec, now)
    with sessions.begin() as s:
        r = s.scalars(select(LoopRound).where(LoopRound.run_id == run_id, LoopRound.position == position)
                      .with_for_update()).one()
        if r.status != "pending":  # started twice at once: the other request won
            raise InvalidInput("that round has already started")
        r.ref_id, r.started_at, r.deadline, r.status = ref, now, now + timedelta(minutes=minutes), "running"
        s.flush()
        s.expunge(r)
    return _round_view(sessions, r, now)


def _start_delegate(sessions: SessionFactory, kind: str, item: str, minutes: int, spec: dict[str, Any],
                    now: datetime) -> int | None:
    if kind in ("coding", "codebase"):
        from rounds.services import attempts

        a = attempts.start_attempt(sessions=sessions, problem_id=item, mode="full", feedback="blind",
                                   minutes=max(5, minutes), now=now)
        return a.id
    if kind == "cards-screen":
        from rounds.content.cards import bank as cards_bank
        from rounds.services import card_practice as cp
        from rounds.services import own_cards

        b = own_cards.practice_bank(sessions=sessions, base=cards_bank())
        return cp.start_screen(sessions=sessions, bank=b, decks=list(spec.get("decks") or []) or None, now=now,
                               questions=int(spec.get("questions") or 5), minutes=minutes, due_first=True)
    if kind in ("model-design", "infra-design"):
        from rounds.services import design_practice as dp

        return dp.start(sessions=sessions, prompt_id=item, now=now)
    return None  # behavioral and deep-dive: the takes are found by their questions in the round's window


def finish_round(*, sessions: SessionFactory, run_id: int, now: datetime | None = None) -> RoundView:
    """End the running round now (before its deadline): its result is read from the round it delegates to."""
    now = _utc(now or now_utc())
    _settle(sessions, run_id, now)
    with sessions.begin() as s:
        _run(s, run_id)
        r = next((x for x in _rounds(s, run_id) if x.status == "running"), None)
        if r is None:
            raise InvalidInput("no round is on")
        r.status, r.ended_at = "done", now
        s.flush()
        s.expunge(r)
    _stop_delegate(sessions, r, now)
    _settle(sessions, run_id, now)
    return _round_view(sessions, r, now)


def skip_round(*, sessions: SessionFactory, run_id: int, now: datetime | None = None) -> None:
    """Skip the next round (it counts as not done)."""
    now = _utc(now or now_utc())
    _settle(sessions, run_id, now)
    with sessions.begin() as s:
        _run(s, run_id)
        r = next((x for x in _rounds(s, run_id) if x.status == "pending"), None)
        if r is None:
            raise InvalidInput("no round is waiting to start")
        r.status, r.note, r.ended_at = "skipped", "skipped", now
    _settle(sessions, run_id, now)


def abandon_run(*, sessions: SessionFactory, run_id: int, now: datetime | None = None) -> None:
    """Stop the run: a round on ends now, the rounds not started are skipped; the scorecard keeps what was done."""
    now = _utc(now or now_utc())
    _settle(sessions, run_id, now)
    stopped: list[LoopRound] = []
    with sessions.begin() as s:
        run = _run(s, run_id, lock=True)
        if run.status != "active":
            return
        for r in _rounds(s, run_id):
            if r.status == "running":
                r.status, r.ended_at = "done", now
                stopped.append(r)
            elif r.status == "pending":
                r.status, r.note, r.ended_at = "skipped", "the loop was abandoned", now
        run.status, run.finished_at = "abandoned", now
        s.flush()
        s.expunge_all()
    for r in stopped:
        _stop_delegate(sessions, r, now)


@dataclass(frozen=True)
class RunRow:
    id: int
    template_id: str
    title: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    rounds: int
    ended: int


def past_runs(*, sessions: SessionFactory, limit: int = 50) -> list[RunRow]:
    """The user's runs, newest first."""
    with sessions.begin() as s:
        runs = s.scalars(select(LoopRun).where(LoopRun.user_id == repo.local_user_id(s))
                         .order_by(LoopRun.started_at.desc(), LoopRun.id.desc()).limit(limit)).all()
        out = []
        for run in runs:
            rs = _rounds(s, run.id)
            out.append(RunRow(run.id, run.template_id, run.title, _utc(run.started_at),
                              _utc(run.finished_at) if run.finished_at else None, run.status, len(rs),
                              sum(r.status in ENDED for r in rs)))
        return out


# ---------------------------------------------------------------- readiness across loops


@dataclass(frozen=True)
class Readiness:
    runs: list[RunView]  # oldest first, those with at least one scored round
    trend: dict[str, list[float | None]]  # signal -> value per run (None: not measured)
    latest: dict[str, float]  # signal -> its value in the newest run that measured it
    change: dict[str, float]  # signal -> newest minus oldest measured value
    weakest_round: tuple[str, float] | None  # (round title or kind, mean points) lowest
    weakest_signal: str | None
    next_steps: list[str]


def readiness(*, sessions: SessionFactory, now: datetime | None = None, limit: int = 20) -> Readiness:
    """Across the runs: the trend of each signal, the weakest round, and what to practise next."""
    now = _utc(now or now_utc())
    rows = list(reversed(past_runs(sessions=sessions, limit=limit)))
    runs = [v for row in rows if (v := view(sessions=sessions, run_id=row.id, now=now)).signals]
    trend = {sig: [r.signals.get(sig) for r in runs] for sig in SIGNALS}
    latest: dict[str, float] = {}
    change: dict[str, float] = {}
    for sig, vals in trend.items():
        seen = [v for v in vals if v is not None]
        if seen:
            latest[sig] = seen[-1]
            change[sig] = round(seen[-1] - seen[0], 3)
    by_round: dict[str, list[int]] = {}
    for r in runs:
        for rd in r.rounds:
            if rd.result.estimate is not None:
                by_round.setdefault(rd.title, []).append(rd.result.estimate.points)
    weakest_round = None
    if by_round:
        name = min(by_round, key=lambda k: (sum(by_round[k]) / len(by_round[k]), k))
        weakest_round = (name, round(sum(by_round[name]) / len(by_round[name]), 2))
    first = ("correctness", "ml-depth", "design", "communication", "leadership", "coding-speed")  # ties
    weakest_signal = min(latest, key=lambda k: (latest[k], first.index(k))) if latest else None
    steps: list[str] = []
    if weakest_signal:
        steps.append(f"{SIGNAL_NAMES[weakest_signal]}: {ADVICE[weakest_signal]}")
    if weakest_round:
        steps.append(f"the round that went worst, {weakest_round[0]}: run a loop that has it again")
    for r in runs[-1:]:
        for rd in r.rounds:
            if rd.kind in ("coding", "codebase") and rd.result.state == "scored" and \
                    rd.result.raw.get("levels_passed", 0) < rd.result.raw.get("levels", 1):
                steps.append(f"retry {rd.item_id} (`rounds start {rd.item_id}`): "
                             f"{rd.result.raw.get('levels_passed', 0)} of {rd.result.raw.get('levels')} levels passed")
            if rd.status == "missing":
                steps.append(f"{rd.title}: {rd.note}")
    return Readiness(runs, trend, latest, change, weakest_round, weakest_signal, steps)


# ---------------------------------------------------------------- chart specs and the HTML report


def chart_spec(v: RunView) -> dict[str, Any]:
    """A bar chart of the run's signals (0..100), for the page's Chart.js."""
    sig = v.signals
    return {"type": "bar", "labels": [SIGNAL_NAMES[k] for k in sig],
            "datasets": [{"label": "signal (0-100)", "data": [round(100 * x) for x in sig.values()]}],
            "summary": ", ".join(f"{SIGNAL_NAMES[k]} {round(100 * x)}" for k, x in sig.items()) or "nothing scored yet",
            "max": 100}


def trend_spec(r: Readiness) -> dict[str, Any]:
    """One line per signal over the runs."""
    return {"type": "line", "labels": [f"#{v.id} {v.started_at:%b %d}" for v in r.runs],
            "datasets": [{"label": SIGNAL_NAMES[k], "data": [None if x is None else round(100 * x) for x in vals],
                          "spanGaps": True}
                         for k, vals in r.trend.items() if any(x is not None for x in vals)],
            "summary": ", ".join(f"{SIGNAL_NAMES[k]} {round(100 * v)}" for k, v in r.latest.items())
                       or "no scored loop yet", "max": 100}


def _bars_svg(values: dict[str, float]) -> str:
    if not values:
        return "<p>Nothing scored yet.</p>"
    h = 26 * len(values) + 10
    out = [f'<svg role="img" aria-label="signals" viewBox="0 0 520 {h}" width="520" height="{h}">']
    for i, (k, x) in enumerate(values.items()):
        y = 8 + 26 * i
        w = max(1, round(300 * x))
        out.append(f'<text x="0" y="{y + 14}" font-size="13">{html.escape(SIGNAL_NAMES[k])}</text>'
                   f'<rect x="130" y="{y}" width="300" height="18" fill="#e5e7eb"/>'
                   f'<rect x="130" y="{y}" width="{w}" height="18" fill="#2563eb"/>'
                   f'<text x="440" y="{y + 14}" font-size="13">{round(100 * x)}</text>')
    out.append("</svg>")
    return "".join(out)


def _code(text: str) -> str:
    """`command` spans as <code> (the text is escaped already)."""
    import re

    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def report_html(*, sessions: SessionFactory, run_id: int | None = None, now: datetime | None = None) -> str:
    """A self-contained HTML page (inline style and SVG charts, nothing fetched): the scorecard of a run
    (the newest when none is given) and the readiness report across loops."""
    now = _utc(now or now_utc())
    if run_id is None:
        rows = past_runs(sessions=sessions, limit=1)
        run_id = rows[0].id if rows else None
    e = html.escape
    parts = ["<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Loop report</title>",
             "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
             "color:#111}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.35rem;"
             "text-align:left;vertical-align:top}.est{font-weight:600}small{color:#555}</style></head><body>"]
    if run_id is None:
        parts.append("<h1>Loop report</h1><p>No loop has been run yet.</p>")
    else:
        v = view(sessions=sessions, run_id=run_id, now=now)
        est = v.estimate
        parts.append(f"<h1>{e(v.title)}</h1><p>Loop {v.id}, started {v.started_at:%Y-%m-%d %H:%M} UTC, "
                     f"{e(v.status)}. Overall estimate: <span class=\"est\">{e(est.label) if est else 'none yet'}"
                     f"</span></p>")
        if v.reported:
            parts.append(f"<p><small>Reported loop: {e(v.reported)}</small></p>")
        parts.append("<h2>Rounds</h2><table><tr><th>round</th><th>item</th><th>status</th><th>result</th>"
                     "<th>estimate</th><th>evidence</th></tr>")
        for r in v.rounds:
            ev = "<br>".join(e(x) for x in r.result.estimate.evidence) if r.result.estimate else ""
            parts.append(f"<tr><td>{e(r.title)}<br><small>{e(r.kind_name)}, {r.minutes} min</small></td>"
                         f"<td>{e(r.item_id or r.item_title)}</td><td>{e(r.status)}</td>"
                         f"<td>{e(r.result.summary)}</td>"
                         f"<td class=\"est\">{e(r.result.estimate.label) if r.result.estimate else ''}</td>"
                         f"<td><small>{ev}</small></td></tr>")
        parts.append("</table><h2>Signals</h2>" + _bars_svg(v.signals))
    rd = readiness(sessions=sessions, now=now)
    parts.append("<h2>Readiness across loops</h2>")
    if not rd.runs:
        parts.append("<p>No scored loop yet.</p>")
    else:
        parts.append("<table><tr><th>signal</th>" + "".join(f"<th>#{x.id}</th>" for x in rd.runs)
                     + "<th>change</th></tr>")
        for sig, vals in rd.trend.items():
            if sig not in rd.latest:
                continue
            cells = "".join(f"<td>{'' if x is None else round(100 * x)}</td>" for x in vals)
            parts.append(f"<tr><td>{e(SIGNAL_NAMES[sig])}</td>{cells}<td>{round(100 * rd.change[sig]):+d}</td></tr>")
        parts.append("</table>")
        if rd.weakest_round:
            parts.append(f"<p>Weakest round: {e(rd.weakest_round[0])} "
                         f"(mean {rd.weakest_round[1]} of 3 points).</p>")
        if rd.next_steps:
            parts.append("<h3>Practise next</h3><ul>" + "".join(f"<li>{_code(e(x))}</li>" for x in rd.next_steps)
                         + "</ul>")
    parts.append(f"<p><small>Written {now:%Y-%m-%d %H:%M} UTC. Estimates are a practice aid, computed from "
                 "your own results and marks; no interviewer saw them.</small></p></body></html>")
    return "".join(parts)
