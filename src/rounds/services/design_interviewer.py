"""The optional language-model interviewer and grader of the design rounds.

Off unless the user points it at an OpenAI-compatible endpoint (OpenAI itself, or a local Ollama,
vLLM or llama.cpp server): ``ROUNDS_LLM_BASE_URL`` (``http://127.0.0.1:11434/v1``),
``ROUNDS_LLM_MODEL``, and ``ROUNDS_LLM_API_KEY`` where the server wants one. Everything else in a
design session works offline without it.

* The **interviewer** asks the prompt's probes in conversation and follows up on the user's notes,
  one short question at a time; the prompt's clarify answers are its facts. The exchange is kept
  with the session's questions.
* The **grader** proposes a mark for each rubric item with a quote from the notes as evidence.
  A quote that is not in the notes is dropped (the mark stays, labelled as unsupported); ids and
  marks it invents are ignored. The user accepts or changes every mark.

A slow, failing or garbled model raises ``ModelUnavailable`` with a message for the user; nothing
the user wrote is touched by a call (notes are saved on their own).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rounds.content.design import Prompt
from rounds.domain.attempt import now_utc
from rounds.services import design_practice as dp
from rounds.services.errors import InvalidInput, ServiceError
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models_design import DesignSession

DEFAULT_TIMEOUT_S = 60.0
MAX_REPLY = 4_000
MAX_TURNS = 60


class ModelUnavailable(ServiceError):
    """The language model could not answer usefully (not set up, slow, failing or garbled)."""


@dataclass(frozen=True)
class LlmConfig:
    base_url: str
    model: str
    api_key: str
    timeout_s: float


def config(env: dict[str, str] | None = None) -> LlmConfig | None:
    """The endpoint from the environment, or None when the interviewer is off."""
    env = dict(os.environ) if env is None else env
    base = env.get("ROUNDS_LLM_BASE_URL", "").strip()
    model = env.get("ROUNDS_LLM_MODEL", "").strip()
    if not base or not model:
        return None
    try:
        timeout = float(env.get("ROUNDS_LLM_TIMEOUT", "") or DEFAULT_TIMEOUT_S)
    except ValueError:
        timeout = DEFAULT_TIMEOUT_S
    return LlmConfig(base, model, env.get("ROUNDS_LLM_API_KEY", "").strip() or "not-needed", timeout)


def _complete(cfg: LlmConfig, messages: list[dict[str, str]], *, as_json: bool = False) -> str:
    from openai import APIConnectionError, APIStatusError, APITimeoutError, OpenAI, OpenAIError

    client = OpenAI(base_url=cfg.base_url, api_key=cfg.api_key, timeout=cfg.timeout_s, max_retries=0)
    try:
        kwargs: dict[str, Any] = {"model": cfg.model, "messages": messages, "temperature": 0.2}
        if as_json:
            kwargs["response_format"] = {"type": "json_object"}
        r = client.chat.completions.create(**kwargs)
    except APITimeoutError:
        raise ModelUnavailable(f"the model did not answer within {cfg.timeout_s:.0f} seconds; "
                               "your notes are saved, try again or carry on without it") from None
    except APIConnectionError:
        raise ModelUnavailable(f"the model's server at {cfg.base_url} cannot be reached; your notes are saved") \
            from None
    except APIStatusError as exc:
        raise ModelUnavailable(f"the model's server answered {exc.status_code}; your notes are saved") from None
    except OpenAIError as exc:
        raise ModelUnavailable(f"the model failed ({type(exc).__name__}); your notes are saved") from None
    except (ValueError, TypeError, KeyError):  # a body that is no chat completion at all
        raise ModelUnavailable("the model's server answered something that is not a chat completion; "
                               "your notes are saved") from None
    finally:
        client.close()
    try:
        text = r.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        text = None
    if not isinstance(text, str) or not text.strip():
        raise ModelUnavailable("the model's answer was empty or unreadable; your notes are saved")
    return text.strip()


def _facts(prompt: Prompt) -> str:
    clar = "\n".join(f"- Q: {c.question}\n  A: {c.answer}" for c in prompt.clarify)
    probes = "\n".join(f"- {q}" for q in prompt.probes)
    return (f"The round: {prompt.title} ({prompt.minutes} minutes).\nYour opening line was: {prompt.opening}\n\n"
            f"Facts you answer clarifying questions with:\n{clar}\n\nProbes you want to ask:\n{probes}")


def _notes(v: dp.SessionView) -> str:
    parts = [f"## {p.name}\n{v.notes_of(p.name).strip() or '(nothing yet)'}" for p in v.prompt.phases]
    if v.diagram.strip():
        parts.append(f"## diagram (Mermaid)\n{v.diagram.strip()}")
    return "\n\n".join(parts)


# ---------------------------------------------------------------- the interviewer


@dataclass(frozen=True)
class Turn:
    role: str  # interviewer | candidate
    text: str


def turns(v_clarify: list[dict[str, Any]]) -> list[Turn]:
    return [Turn(t["role"], t["text"]) for t in v_clarify if t.get("kind") == "chat"]


def conversation(*, sessions: SessionFactory, session_id: int) -> list[Turn]:
    with sessions.begin() as s:
        row = s.get(DesignSession, session_id)
        if row is None or row.user_id != repo.local_user_id(s):
            raise dp.DesignSessionNotFound(f"there is no design session {session_id}")
        return turns(list(row.clarify or []))


def interviewer_says(*, sessions: SessionFactory, session_id: int, reply: str = "", cfg: LlmConfig | None = None,
                     now: datetime | None = None) -> str:
    """The candidate's reply (may be empty: "ask me something"), then the interviewer's next question."""
    v = dp.view(sessions=sessions, session_id=session_id)  # first: someone else's session is not found
    if v.time_ran_out:
        raise dp.TimeRanOut("the time ran out: the round is over and the interviewer has no more questions. "
                            "The notes saved before the end are kept; mark the rubric to see how you did.")
    cfg = cfg or config()
    if cfg is None:
        raise ModelUnavailable("no model is set up: set ROUNDS_LLM_BASE_URL and ROUNDS_LLM_MODEL")
    reply = reply.strip()
    if len(reply) > MAX_REPLY:
        raise InvalidInput(f"a reply is limited to {MAX_REPLY} characters")
    history = conversation(sessions=sessions, session_id=session_id)
    if len(history) >= MAX_TURNS:
        raise InvalidInput("this conversation is long enough: finish the round and mark the rubric")
    system = (
        "You are the interviewer in a machine-learning system design interview. Ask one short question at a time: "
        "a probe from your list or a follow-up on what the candidate's notes say or leave out. Never give the answer "
        f"or grade. The candidate is in the '{v.phase}' phase.\n\n{_facts(v.prompt)}\n\n"
        f"The candidate's notes so far:\n{_notes(v)}")
    messages = [{"role": "system", "content": system}]
    for t in history:
        messages.append({"role": "assistant" if t.role == "interviewer" else "user", "content": t.text})
    messages.append({"role": "user", "content": reply or "(The candidate waits for your next question.)"})
    said = _complete(cfg, messages)[:MAX_REPLY]
    stamp = (now or now_utc()).isoformat()
    with sessions.begin() as s:
        row = s.get(DesignSession, session_id, with_for_update=True)
        assert row is not None and row.user_id == repo.local_user_id(s)
        new = ([{"kind": "chat", "role": "candidate", "text": reply, "at": stamp}] if reply else [])
        new.append({"kind": "chat", "role": "interviewer", "text": said, "at": stamp})
        row.clarify = [*(row.clarify or []), *new]
    return said


# ---------------------------------------------------------------- the grader


@dataclass(frozen=True)
class Proposal:
    item_id: str
    mark: str  # covered | partly | missed
    evidence: str  # a quote found in the notes, or ""
    unsupported: bool  # the model quoted something that is not in the notes


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _parse(text: str) -> Any:
    text = text.strip()
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    if fenced:
        text = fenced.group(1)
    start = text.find("{")
    end = text.rfind("}")
    if start < 0 or end < start:
        raise ModelUnavailable("the grader's answer was not JSON; mark the items yourself")
    try:
        return json.loads(text[start:end + 1])
    except ValueError:
        raise ModelUnavailable("the grader's answer was not valid JSON; mark the items yourself") from None


def propose_marks(*, sessions: SessionFactory, session_id: int, cfg: LlmConfig | None = None) -> dict[str, Proposal]:
    """The grader's proposed mark for each rubric item it could judge, with a quote from the notes."""
    cfg = cfg or config()
    if cfg is None:
        raise ModelUnavailable("no model is set up: set ROUNDS_LLM_BASE_URL and ROUNDS_LLM_MODEL")
    v = dp.view(sessions=sessions, session_id=session_id)
    if not v.finished:
        raise InvalidInput("the round is still on: finish it before grading")
    items = "\n".join(f'- id "{r.id}" ({r.signal}, {r.phase}): {r.item} Senior: {r.senior} Staff: {r.staff}'
                      for r in v.prompt.rubric)
    system = (
        "You grade a machine-learning system design interview from the candidate's notes. For every rubric item "
        "decide covered, partly or missed, and quote the candidate's own words that show it (an exact quote of at "
        "most 200 characters, or an empty string when nothing shows it). Answer with JSON only: "
        '{"marks": [{"id": "...", "mark": "covered|partly|missed", "evidence": "..."}]}')
    user = f"Rubric of '{v.prompt.title}':\n{items}\n\nThe candidate's notes:\n{_notes(v)}"
    data = _parse(_complete(cfg, [{"role": "system", "content": system}, {"role": "user", "content": user}],
                            as_json=True))
    raw = data.get("marks") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise ModelUnavailable("the grader's answer had no list of marks; mark the items yourself")
    known = {r.id for r in v.prompt.rubric}
    notes = _squash(v.all_notes + "\n" + v.diagram)
    out: dict[str, Proposal] = {}
    for m in raw:
        if not isinstance(m, dict):
            continue
        item_id, mark, quote = m.get("id"), m.get("mark"), m.get("evidence") or ""
        if item_id not in known or mark not in dp.MARKS or not isinstance(quote, str):
            continue
        q = quote.strip().strip('"').strip()
        found = bool(q) and _squash(q) in notes
        out[str(item_id)] = Proposal(str(item_id), str(mark), q if found else "", bool(q) and not found)
    if not out:
        raise ModelUnavailable("the grader proposed no usable mark; mark the items yourself")
    return out


__all__ = ["LlmConfig", "ModelUnavailable", "Proposal", "Turn", "config", "conversation", "interviewer_says",
           "propose_marks"]
