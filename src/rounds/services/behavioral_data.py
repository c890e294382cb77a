"""The user's private behavioral material as one archive, and deleting all of it.

The archive is a zip file: ``behavioral.json`` (stories, projects with their chapters and talk
outlines, deliveries, talk rehearsals with their self-assessments) and ``recordings/<file>`` for every recording still on disk. Importing one
adds everything in it (new ids; deliveries keep their links to the imported stories and projects);
nothing already stored is changed. A broken archive imports nothing.
"""

from __future__ import annotations

import io
import json
import time
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from rounds.domain.attempt import now_utc
from rounds.services.deliveries import RECORDING_TYPES, recordings_dir
from rounds.services.errors import InvalidInput
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import User
from rounds.storage.models_behavioral import (
    CHAPTERS,
    DELIVERY_KINDS,
    Delivery,
    Project,
    ProjectChapter,
    Story,
    TalkRehearsal,
)

FORMAT = "rounds-behavioral/1"
DATA_FILE = "behavioral.json"
MAX_ARCHIVE = 500 * 1024 * 1024
_STORY = ("title", "situation", "action", "impact", "learning", "notes", "signals", "companies", "project",
          "questions")
_CHAPTER = ("kind", "position", "body", "collaboration", "ambiguity", "technical", "decisions", "metrics")
_DELIVERY = ("kind", "question_id", "question", "duration_s", "spoken", "target_s", "transcript", "words", "wpm", "fillers",
             "filler_words", "checklist", "checks")
_TALK = ("project_name", "talk_minutes", "budget_s", "total_s", "slides", "rubric", "checks")


@dataclass(frozen=True)
class Counts:
    stories: int
    projects: int
    deliveries: int
    recordings: int
    talks: int = 0  # talk rehearsals

    def __str__(self) -> str:
        return (f"{self.stories} stories, {self.projects} projects, {self.deliveries} deliveries, "
                f"{self.recordings} recordings, {self.talks} talk rehearsals")


def _iso(ts: datetime | None) -> str | None:
    return ts.isoformat() if ts else None


def export_archive(*, sessions: SessionFactory, data_dir: Path) -> tuple[bytes, Counts]:
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        stories = s.scalars(select(Story).where(Story.user_id == uid).order_by(Story.id)).all()
        projects = s.scalars(select(Project).where(Project.user_id == uid).order_by(Project.id)).all()
        dels = s.scalars(select(Delivery).where(Delivery.user_id == uid).order_by(Delivery.id)).all()
        rehearsals = s.scalars(select(TalkRehearsal).where(TalkRehearsal.user_id == uid)
                               .order_by(TalkRehearsal.id)).all()
        data: dict[str, Any] = {
            "format": FORMAT, "exported_at": now_utc().isoformat(),
            "stories": [{"id": r.id, **{k: getattr(r, k) for k in _STORY}, "created_at": _iso(r.created_at),
                         "updated_at": _iso(r.updated_at)} for r in stories],
            "projects": [{"id": p.id, "name": p.name, "summary": p.summary, "role": p.role,
                          "talk_minutes": p.talk_minutes, "outline": p.outline, "created_at": _iso(p.created_at),
                          "chapters": [{k: getattr(c, k) for k in _CHAPTER} for c in p.chapters]} for p in projects],
            "deliveries": [{**{k: getattr(d, k) for k in _DELIVERY}, "story_id": d.story_id,
                            "project_id": d.project_id, "recording": d.recording, "recording_type": d.recording_type,
                            "delivered_at": _iso(d.delivered_at)} for d in dels],
            "talks": [{**{k: getattr(r, k) for k in _TALK}, "project_id": r.project_id,
                       "rehearsed_at": _iso(r.rehearsed_at), "assessed_at": _iso(r.assessed_at)} for r in rehearsals],
        }
    folder = recordings_dir(data_dir)
    out = io.BytesIO()
    n_rec = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(DATA_FILE, json.dumps(data, indent=1, ensure_ascii=False))
        for d in data["deliveries"]:
            name = d["recording"]
            if name and (folder / name).is_file():
                z.write(folder / name, f"recordings/{name}")
                n_rec += 1
            elif name:
                d["recording"] = None
    return out.getvalue(), Counts(len(data["stories"]), len(data["projects"]), len(data["deliveries"]), n_rec,
                                  len(data["talks"]))


def _when(value: Any) -> datetime:
    try:
        ts = datetime.fromisoformat(str(value))
    except ValueError:
        return now_utc()
    return ts if ts.tzinfo else now_utc()


def import_archive(*, sessions: SessionFactory, data_dir: Path, raw: bytes) -> Counts:
    if len(raw) > MAX_ARCHIVE:
        raise InvalidInput("the archive is larger than 500 MB")
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
        data = json.loads(z.read(DATA_FILE))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InvalidInput(f"not an archive exported by rounds ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(f"not an archive exported by rounds (format {data.get('format')!r}, expected {FORMAT})"
                           if isinstance(data, dict) else "not an archive exported by rounds")
    names = set(z.namelist())
    written: list[Path] = []
    folder = recordings_dir(data_dir)
    try:
        with sessions.begin() as s:
            uid = repo.local_user_id(s)
            story_ids: dict[Any, int] = {}
            for st in data.get("stories", []):
                row = Story(user_id=uid, **{k: st[k] for k in _STORY}, created_at=_when(st.get("created_at")),
                            updated_at=_when(st.get("updated_at")))
                s.add(row)
                s.flush()
                story_ids[st.get("id")] = row.id
            project_ids: dict[Any, int] = {}
            for p in data.get("projects", []):
                prow = Project(user_id=uid, name=p["name"], summary=p.get("summary", ""), role=p.get("role", ""),
                               talk_minutes=p.get("talk_minutes", 45), outline=p.get("outline") or [],
                               created_at=_when(p.get("created_at")))
                for c in p.get("chapters", []):
                    if c.get("kind") not in CHAPTERS:
                        raise InvalidInput(f"project '{p['name']}': unknown chapter {c.get('kind')!r}")
                    prow.chapters.append(ProjectChapter(**{k: c.get(k) for k in _CHAPTER}))
                s.add(prow)
                s.flush()
                project_ids[p.get("id")] = prow.id
            n_rec = 0
            for d in data.get("deliveries", []):
                if d.get("kind") not in DELIVERY_KINDS:
                    raise InvalidInput(f"a delivery of unknown kind {d.get('kind')!r}")
                rec = d.get("recording")
                name = None
                if rec and f"recordings/{rec}" in names:
                    suffix = Path(rec).suffix if Path(rec).suffix in RECORDING_TYPES.values() else ".webm"
                    name = f"{uuid.uuid4().hex}{suffix}"
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / name).write_bytes(z.read(f"recordings/{rec}"))
                    written.append(folder / name)
                    n_rec += 1
                s.add(Delivery(user_id=uid, **{k: d[k] for k in _DELIVERY if k != "spoken"},
                               spoken=bool(d.get("spoken")), story_id=story_ids.get(d.get("story_id")),
                               project_id=project_ids.get(d.get("project_id")), recording=name,
                               recording_type=d.get("recording_type") if name else None,
                               delivered_at=_when(d.get("delivered_at"))))
            talks = data.get("talks", [])  # archives written before talk rehearsals were saved have none
            for r in talks:
                s.add(TalkRehearsal(user_id=uid, **{k: r[k] for k in _TALK},
                                    project_id=project_ids.get(r.get("project_id")),
                                    rehearsed_at=_when(r.get("rehearsed_at")),
                                    assessed_at=_when(r["assessed_at"]) if r.get("assessed_at") else None))
            counts = Counts(len(story_ids), len(project_ids), len(data.get("deliveries", [])), n_rec, len(talks))
    except (KeyError, TypeError) as exc:
        for f in written:
            f.unlink(missing_ok=True)
        raise InvalidInput(f"the archive is incomplete ({type(exc).__name__}: {exc}); nothing was imported") from None
    except Exception:
        for f in written:
            f.unlink(missing_ok=True)
        raise
    return counts


def delete_everything(*, sessions: SessionFactory, data_dir: Path) -> Counts:
    """Delete every story, project, delivery, talk rehearsal and recording of the user."""
    with sessions.begin() as s:
        uid = repo.local_user_id(s)
        dels = s.scalars(select(Delivery).where(Delivery.user_id == uid)).all()
        names = [d.recording for d in dels if d.recording]
        n_st = len(s.scalars(select(Story.id).where(Story.user_id == uid)).all())
        n_pr = len(s.scalars(select(Project.id).where(Project.user_id == uid)).all())
        n_talks = len(s.scalars(select(TalkRehearsal.id).where(TalkRehearsal.user_id == uid)).all())
        repo.forget_shares(s, uid)
        s.execute(delete(TalkRehearsal).where(TalkRehearsal.user_id == uid))
        s.execute(delete(Delivery).where(Delivery.user_id == uid))
        for p in s.scalars(select(Project).where(Project.user_id == uid)).all():
            s.delete(p)
        s.execute(delete(Story).where(Story.user_id == uid))
        user = s.get(User, uid)
        if user and user.settings and "behavioral_run" in user.settings:
            user.settings = {k: v for k, v in user.settings.items() if k != "behavioral_run"}
    folder = recordings_dir(data_dir)
    n_rec = 0
    for name in names:
        path = folder / name
        if path.is_file():
            path.unlink()
            n_rec += 1
    _sweep_strays(sessions, folder)
    return Counts(n_st, n_pr, len(dels), n_rec, n_talks)


STRAY_AFTER_S = 3600.0  # a recording no take points at, older than this, is left over (never a fresh upload)


def _sweep_strays(sessions: SessionFactory, folder: Path) -> None:
    """Remove recordings that no take of anyone points at (left from a take that failed to save).
    The folder is shared by every user of a server: a file another user's take points at is theirs,
    and a file just written may belong to a take being saved right now, so both stay."""
    if not folder.is_dir():
        return
    with sessions.begin() as s:
        used = set(s.scalars(select(Delivery.recording).where(Delivery.recording.is_not(None))).all())
    now = time.time()
    for stray in folder.iterdir():
        try:
            if stray.is_file() and stray.name not in used and now - stray.stat().st_mtime > STRAY_AFTER_S:
                stray.unlink()
        except OSError:  # gone already, or not ours to remove: a sweep is tidying, never an error
            continue
