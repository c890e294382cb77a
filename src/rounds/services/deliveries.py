"""Timed delivery practice: one take at a question, what it measured, and the self-check after it.

A take has a duration (the page's timer, start to stop), and a typed or pasted transcript and/or a
recording of the voice (a file in the data folder's ``recordings``, never sent anywhere). A take is
*spoken* (said aloud while the timer ran, always so with a recording) or *typed*. From the
transcript: the words, the filler words found, and for a spoken take the words per minute over the
timed duration; a typed take's spoken length is estimated at 150 words per minute, since the timer
measured typing, not speech. After the take the user ticks
what they covered of the question's checklist: the bank's ``listening_for`` (behavioral), a probe's
``strong_answer`` (deep dive), or a generated question's own list. A self-check, never a grade.

The whole-bank run: every question once, least recently delivered first, with each question's
last delivery time; the run's start is kept in the user's settings.
"""

from __future__ import annotations

import random
import re
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from rounds.content.behavioral import SIGNALS, Behavioral, Question, bank
from rounds.domain.attempt import now_utc
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import User
from rounds.storage.models_behavioral import DELIVERY_KINDS, Delivery

TARGET = (60, 120)  # seconds: the band a behavioral answer should land in
SPOKEN_WPM = 150  # a calm speaking pace, for estimating the spoken length of a typed answer
PACE = (120, 170)  # words per minute heard as neither rushed nor slow
MAX_TRANSCRIPT = 20_000
MAX_RECORDING = 25 * 1024 * 1024
RECORDING_TYPES = {"audio/webm": ".webm", "audio/ogg": ".ogg", "audio/mp4": ".m4a", "audio/mpeg": ".mp3",
                   "audio/wav": ".wav", "video/webm": ".webm"}
# Filler words and phrases, longest first so that "you know" is not also counted as something else.
FILLERS = ("you know", "i mean", "sort of", "kind of", "you see", "um", "umm", "uh", "uhm", "er", "erm", "ah",
           "like", "basically", "actually", "literally", "honestly", "so yeah", "anyway")
_WORD = re.compile(r"[A-Za-z0-9']+")


class DeliveryNotFound(ServiceError):
    """No delivery with that id."""


def recordings_dir(data_dir: Path) -> Path:
    return data_dir / "recordings"


# ---------------------------------------------------------------- analysis


@dataclass(frozen=True)
class Analysis:
    words: int
    wpm: float | None  # over the timed duration
    estimated_s: float  # the transcript's length spoken at SPOKEN_WPM
    fillers: dict[str, int]

    @property
    def filler_total(self) -> int:
        return sum(self.fillers.values())


def analyse(transcript: str, duration_s: float | None) -> Analysis:
    """Words, words per minute (over ``duration_s``, when given) and filler words of a transcript."""
    words = _WORD.findall(transcript)
    text = " " + " ".join(w.lower() for w in words) + " "
    found: Counter[str] = Counter()
    for f in sorted(FILLERS, key=len, reverse=True):
        pattern = f" {f} "
        n = text.count(pattern)
        if n:
            found[f] = n
            text = text.replace(pattern, " | ")
    wpm = round(len(words) / (duration_s / 60), 1) if words and duration_s and duration_s >= 1 else None
    return Analysis(words=len(words), wpm=wpm, estimated_s=round(len(words) / SPOKEN_WPM * 60, 1),
                    fillers=dict(found))


def length_note(seconds: float | None, target: tuple[int, int] = TARGET) -> str:
    if seconds is None:
        return "no time measured"
    lo, hi = target
    if seconds < lo:
        return f"short: under {lo} s; say more about your own actions and the result"
    if seconds > hi:
        return f"long: over {hi} s; cut the situation to two sentences"
    return f"in the {lo}-{hi} s band"


def pace_note(wpm: float | None) -> str:
    if wpm is None:
        return ""
    lo, hi = PACE
    if wpm < lo:
        return "slow: pauses are fine, but keep the story moving"
    if wpm > hi:
        return "fast: slow down and let the numbers land"
    return "a steady pace"


# ---------------------------------------------------------------- what is asked


@dataclass(frozen=True)
class Prompt:
    """A question to answer under the timer, with its self-check list."""

    kind: str  # behavioral | probe | project
    id: str
    question: str
    checklist: tuple[str, ...]
    signal: str = ""
    red_flags: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    project_id: int | None = None
    target: tuple[int, int] = TARGET


def behavioral_prompt(q: Question) -> Prompt:
    return Prompt(kind="behavioral", id=q.id, question=q.question, checklist=q.listening_for, signal=q.signal,
                  red_flags=q.red_flags, follow_ups=q.follow_ups)


def prompt_for(question_id: str, b: Behavioral | None = None) -> Prompt:
    """The bank question or probe with that id (``probe/<id>`` for a probe)."""
    b = b or bank()
    if question_id.startswith("probe/"):
        p = b.probes.get(question_id.removeprefix("probe/"))
        if p is None:
            raise InvalidInput(f"There is no deep-dive probe '{question_id}'.")
        return Prompt(kind="probe", id=question_id, question=p.question, checklist=p.strong_answer, signal=p.area)
    q = b.questions.get(question_id)
    if q is None:
        raise InvalidInput(f"There is no question '{question_id}' in the bank.")
    return behavioral_prompt(q)


# ---------------------------------------------------------------- deliveries


@dataclass(frozen=True)
class DeliveryView:
    id: int
    kind: str
    question_id: str
    question: str
    story_id: int | None
    project_id: int | None
    duration_s: float | None
    spoken: bool
    target_s: int
    transcript: str
    words: int
    wpm: float | None
    fillers: int
    filler_words: dict[str, int]
    checklist: tuple[str, ...]
    checks: tuple[int, ...]
    recording: str | None
    recording_type: str | None
    delivered_at: datetime

    @property
    def estimated_s(self) -> float:
        return round(self.words / SPOKEN_WPM * 60, 1)

    @property
    def spoken_s(self) -> float | None:
        """The length to judge: the timer for a spoken take, else the transcript's estimated spoken length."""
        if self.spoken and self.duration_s:
            return self.duration_s
        return self.estimated_s if self.words else self.duration_s

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "question_id": self.question_id, "question": self.question,
                "story_id": self.story_id, "project_id": self.project_id, "duration_s": self.duration_s,
                "spoken": self.spoken,
                "target_s": self.target_s, "transcript": self.transcript, "words": self.words, "wpm": self.wpm,
                "fillers": self.fillers, "filler_words": self.filler_words, "checklist": list(self.checklist),
                "checks": list(self.checks), "recording": self.recording, "recording_type": self.recording_type,
                "delivered_at": self.delivered_at.isoformat()}


def _view(r: Delivery) -> DeliveryView:
    return DeliveryView(id=r.id, kind=r.kind, question_id=r.question_id, question=r.question, story_id=r.story_id,
                        project_id=r.project_id, duration_s=r.duration_s, spoken=r.spoken, target_s=r.target_s,
                        transcript=r.transcript, words=r.words, wpm=r.wpm, fillers=r.fillers,
                        filler_words=dict(r.filler_words or {}), checklist=tuple(r.checklist or ()),
                        checks=tuple(r.checks or ()), recording=r.recording, recording_type=r.recording_type,
                        delivered_at=r.delivered_at)


def _row(s: Any, delivery_id: int) -> Delivery:
    row = s.get(Delivery, delivery_id)
    if row is None or row.user_id != repo.local_user_id(s):
        raise DeliveryNotFound(f"There is no delivery {delivery_id}.")
    return row  # type: ignore[no-any-return]


def save_recording(data_dir: Path, data: bytes, content_type: str) -> tuple[str, str]:
    """Store a recording in the data folder; returns its file name and media type."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype not in RECORDING_TYPES:
        raise InvalidInput(f"a recording must be audio ({', '.join(sorted(RECORDING_TYPES))}), not '{ctype}'")
    if len(data) > MAX_RECORDING:
        raise InvalidInput(f"the recording is larger than {MAX_RECORDING // (1024 * 1024)} MB")
    if not data:
        raise InvalidInput("the recording is empty")
    folder = recordings_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{RECORDING_TYPES[ctype]}"
    (folder / name).write_bytes(data)
    return name, ctype


def add_delivery(*, sessions: SessionFactory, prompt: Prompt, duration_s: float | None, transcript: str = "",
                 story_id: int | None = None, recording: tuple[str, str] | None = None,
                 checks: tuple[int, ...] = (), spoken: bool = False, at: datetime | None = None) -> int:
    """Store a take; with a recording it is a spoken take whatever ``spoken`` says."""
    if prompt.kind not in DELIVERY_KINDS:
        raise InvalidInput(f"unknown kind of question '{prompt.kind}'")
    if duration_s is not None and not 0 <= duration_s <= 3 * 3600:
        raise InvalidInput("the duration must be between 0 s and 3 hours")
    if len(transcript) > MAX_TRANSCRIPT:
        raise InvalidInput(f"the transcript is longer than {MAX_TRANSCRIPT} characters")
    if not transcript.strip() and recording is None and not duration_s:
        raise InvalidInput("nothing to save: time the answer, record it, or type what you said")
    spoken = spoken or recording is not None
    a = analyse(transcript, duration_s if spoken else None)
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        if story_id is not None:
            from rounds.storage.models_behavioral import Story

            st = s.get(Story, story_id)
            if st is None or st.user_id != uid:
                raise InvalidInput(f"There is no story {story_id}.")
        row = Delivery(user_id=uid, kind=prompt.kind, question_id=prompt.id, question=prompt.question,
                       story_id=story_id, project_id=prompt.project_id,
                       duration_s=round(duration_s, 1) if duration_s is not None else None, spoken=spoken,
                       target_s=prompt.target[1],
                       transcript=transcript.strip(), words=a.words, wpm=a.wpm, fillers=a.filler_total,
                       filler_words=a.fillers, checklist=list(prompt.checklist),
                       checks=sorted({c for c in checks if 0 <= c < len(prompt.checklist)}),
                       recording=recording[0] if recording else None,
                       recording_type=recording[1] if recording else None, delivered_at=at or now_utc())
        s.add(row)
        s.flush()
        return row.id


def get_delivery(*, sessions: SessionFactory, delivery_id: int) -> DeliveryView:
    with sessions.begin() as s:
        return _view(_row(s, delivery_id))


def set_checks(*, sessions: SessionFactory, delivery_id: int, checks: list[int]) -> None:
    with sessions.begin() as s:
        row = _row(s, delivery_id)
        row.checks = sorted({c for c in checks if 0 <= c < len(row.checklist or ())})


def set_transcript(*, sessions: SessionFactory, delivery_id: int, transcript: str) -> None:
    """Paste a transcript after the take (of a recording, say): the words, pace and fillers are redone."""
    if len(transcript) > MAX_TRANSCRIPT:
        raise InvalidInput(f"the transcript is longer than {MAX_TRANSCRIPT} characters")
    with sessions.begin() as s:
        row = _row(s, delivery_id)
        a = analyse(transcript, row.duration_s if row.spoken else None)
        row.transcript, row.words, row.wpm = transcript.strip(), a.words, a.wpm
        row.fillers, row.filler_words = a.filler_total, a.fillers


def recording_path(*, sessions: SessionFactory, data_dir: Path, delivery_id: int) -> tuple[Path, str] | None:
    d = get_delivery(sessions=sessions, delivery_id=delivery_id)
    if not d.recording:
        return None
    path = recordings_dir(data_dir) / d.recording
    return (path, d.recording_type or "audio/webm") if path.is_file() else None


def delete_recording(*, sessions: SessionFactory, data_dir: Path, delivery_id: int) -> None:
    """Remove the recording's file; the delivery and its numbers stay."""
    with sessions.begin() as s:
        row = _row(s, delivery_id)
        name, row.recording, row.recording_type = row.recording, None, None
    if name:
        (recordings_dir(data_dir) / name).unlink(missing_ok=True)


def delete_delivery(*, sessions: SessionFactory, data_dir: Path, delivery_id: int) -> None:
    with sessions.begin() as s:
        row = _row(s, delivery_id)
        name = row.recording
        repo.forget_shares(s, row.user_id, "delivery", delivery_id)
        s.delete(row)
    if name:
        (recordings_dir(data_dir) / name).unlink(missing_ok=True)


def deliveries(*, sessions: SessionFactory, question_id: str | None = None, project_id: int | None = None,
               story_id: int | None = None, limit: int = 200) -> list[DeliveryView]:
    """Newest first."""
    with sessions.begin() as s:
        q = select(Delivery).where(Delivery.user_id == repo.local_user_id(s))
        if story_id is not None:
            q = q.where(Delivery.story_id == story_id)
        if question_id is not None:
            q = q.where(Delivery.question_id == question_id)
        if project_id is not None:
            q = q.where(Delivery.project_id == project_id)
        rows = s.scalars(q.order_by(Delivery.delivered_at.desc(), Delivery.id.desc()).limit(limit)).all()
        return [_view(r) for r in rows]


def last_delivered(*, sessions: SessionFactory) -> dict[str, datetime]:
    """Each question's last delivery time."""
    with sessions.begin() as s:
        rows = s.execute(select(Delivery.question_id, func.max(Delivery.delivered_at))
                         .where(Delivery.user_id == repo.local_user_id(s)).group_by(Delivery.question_id)).all()
    return {qid: at for qid, at in rows if at is not None}


def draw(*, sessions: SessionFactory, signal: str = "", b: Behavioral | None = None,
         rng: random.Random | None = None) -> Question:
    """A question to practise: never delivered first, else the least recently delivered; random among ties."""
    b = b or bank()
    if signal and signal not in SIGNALS:
        raise InvalidInput(f"unknown signal '{signal}'")
    pool = b.by_signal(signal) if signal else list(b.questions.values())
    if not pool:
        raise InvalidInput("the bank has no question to draw")
    last = last_delivered(sessions=sessions)
    never = [q for q in pool if q.id not in last]
    if never:
        return (rng or random).choice(never)
    return min(pool, key=lambda q: last[q.id])


# ---------------------------------------------------------------- the whole-bank run

RUN_KEY = "behavioral_run"


@dataclass(frozen=True)
class RunItem:
    question: Question
    last: datetime | None  # the last delivery, ever
    done: bool  # delivered since the run started


@dataclass(frozen=True)
class Run:
    started: datetime | None
    items: list[RunItem]

    @property
    def done(self) -> int:
        return sum(i.done for i in self.items)

    @property
    def next(self) -> Question | None:
        todo = [i for i in self.items if not i.done]
        if not todo:
            return None
        never = [i for i in todo if i.last is None]
        return (never[0] if never else min(todo, key=lambda i: i.last or now_utc())).question


def run(*, sessions: SessionFactory, b: Behavioral | None = None) -> Run:
    b = b or bank()
    with sessions.begin() as s:
        user = s.get(User, repo.local_user_id(s))
        raw = ((user.settings or {}) if user else {}).get(RUN_KEY, {}).get("started")
    started = datetime.fromisoformat(raw) if raw else None
    last = last_delivered(sessions=sessions)
    items = []
    for sig in SIGNALS:
        for q in b.questions.values():
            if q.signal == sig:
                at = last.get(q.id)
                items.append(RunItem(q, at, bool(started and at and at >= started)))
    return Run(started=started, items=items)


def start_run(*, sessions: SessionFactory, at: datetime | None = None) -> None:
    """Start (or start again) a run through the whole bank."""
    with sessions.begin() as s:
        user = s.get(User, repo.local_user_id(s))
        assert user is not None
        user.settings = {**(user.settings or {}), RUN_KEY: {"started": (at or now_utc()).isoformat()}}


# ---------------------------------------------------------------- progress


@dataclass(frozen=True)
class Progress:
    takes: int
    answered: int  # distinct bank questions with a take
    bank_size: int
    checked: float | None  # share of checklist items ticked, over the takes self-checked
    fillers_per_take: float | None  # over the takes with a transcript
    in_band: float | None  # share of takes whose length to judge is in their band
    recent: list[tuple[str, int, float | None]]  # (week starting, takes, share of checklist ticked), oldest first


def progress(*, sessions: SessionFactory, b: Behavioral | None = None, weeks: int = 8,
             now: datetime | None = None) -> Progress:
    """Practice at a glance: how much of the bank has a take, self-check coverage, fillers, length, by week."""
    from datetime import timedelta

    b = b or bank()
    takes = deliveries(sessions=sessions, limit=100_000)
    answered = {d.question_id for d in takes if d.question_id in b.questions}
    checked = [len(d.checks) / len(d.checklist) for d in takes if d.checklist and d.checks]
    with_text = [d.fillers for d in takes if d.words]
    lengths = [d for d in takes if d.spoken_s]
    in_band = [TARGET[0] <= (d.spoken_s or 0) <= d.target_s for d in lengths]
    today = (now or now_utc()).date()
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    recent = []
    for w in range(weeks):
        lo = start + timedelta(weeks=w)
        hi = lo + timedelta(weeks=1)
        these = [d for d in takes if lo <= d.delivered_at.date() < hi]
        marks = [len(d.checks) / len(d.checklist) for d in these if d.checklist and d.checks]
        recent.append((lo.isoformat(), len(these), sum(marks) / len(marks) if marks else None))
    return Progress(takes=len(takes), answered=len(answered), bank_size=len(b.questions),
                    checked=sum(checked) / len(checked) if checked else None,
                    fillers_per_take=sum(with_text) / len(with_text) if with_text else None,
                    in_band=sum(in_band) / len(in_band) if in_band else None, recent=recent)

