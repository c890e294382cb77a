"""The built-in assistant of AI-allowed codebases: a chat pane beside the repository in the web app.

It uses the OpenAI-compatible endpoint of the design rounds (``ROUNDS_LLM_BASE_URL``,
``ROUNDS_LLM_MODEL``, ``ROUNDS_LLM_API_KEY``, ``ROUNDS_LLM_TIMEOUT``; see
:mod:`rounds.services.design_interviewer`) and is off without one, and in every no-AI codebase.
The round works fully without it. Each question goes with the brief, the repository's file list
and the file open in the editor; the conversation is kept with the attempt, message by message
with its time, and shown after the attempt as how the user partnered with the AI. A slow,
failing or garbled model stores nothing: the user's message stays in the box to send again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from rounds.content import codebase as cb
from rounds.content.package import Problem
from rounds.domain.attempt import AttemptStatus, now_utc
from rounds.services import attempts
from rounds.services.design_interviewer import LlmConfig, ModelUnavailable, _complete, config
from rounds.services.errors import AttemptClosed, InvalidInput
from rounds.storage import repositories as repo
from rounds.storage.db import SessionFactory
from rounds.storage.models import Attempt
from rounds.storage.models_codebase import CodebaseChatMessage

MAX_MESSAGE = 4_000
MAX_MESSAGES = 120  # sixty questions and answers in one attempt
HISTORY = 20  # earlier messages sent with a question
MAX_BRIEF_CHARS = 8_000
MAX_FILE_CHARS = 24_000
NOT_SET_UP = ("no model is set up: set ROUNDS_LLM_BASE_URL and ROUNDS_LLM_MODEL (and ROUNDS_LLM_API_KEY where the "
              "server wants one) before `rounds serve`")

__all__ = ["NOT_SET_UP", "ChatMessage", "ModelUnavailable", "allowed", "ask", "available", "endpoint", "messages"]


@dataclass(frozen=True)
class ChatMessage:
    role: str  # user | assistant
    text: str
    path: str  # the file open when the user asked ("" for the assistant's answers)
    at: datetime


def allowed(problem: Problem) -> bool:
    """The codebase allows AI assistants (the Meta-style round); a no-AI codebase never shows the pane."""
    return cb.ai_policy(problem) == "allowed"


def available(env: dict[str, str] | None = None) -> bool:
    """An endpoint is set up."""
    return config(env) is not None


def endpoint(env: dict[str, str] | None = None) -> LlmConfig | None:
    return config(env)


def messages(*, sessions: SessionFactory, attempt_id: int) -> list[ChatMessage]:
    """The attempt's conversation, oldest first."""
    with sessions.begin() as s:
        rows = s.scalars(select(CodebaseChatMessage).join(Attempt, Attempt.id == CodebaseChatMessage.attempt_id)
                         .where(CodebaseChatMessage.attempt_id == attempt_id,
                                Attempt.user_id == repo.local_user_id(s))  # the acting user's attempt only
                         .order_by(CodebaseChatMessage.id)).all()
        return [ChatMessage(r.role, r.text, r.path, r.at) for r in rows]


def ask(*, sessions: SessionFactory, problem: Problem, attempt_id: int, message: str, path: str = "",
        current: str | None = None, cfg: LlmConfig | None = None, now: datetime | None = None) -> list[ChatMessage]:
    """The user's message, then the assistant's answer, both kept with the attempt; returns the
    conversation. ``current`` is the open file ``path`` as the editor holds it (newer than the last
    autosave). ModelUnavailable, InvalidInput or AttemptClosed store nothing."""
    if not allowed(problem):
        raise InvalidInput("this codebase is a no-AI round: the assistant is off, as it would be in the interview")
    cfg = cfg or config()
    if cfg is None:
        raise ModelUnavailable(NOT_SET_UP)
    message = message.strip()
    if not message:
        raise InvalidInput("write a message to the assistant first")
    if len(message) > MAX_MESSAGE:
        raise InvalidInput(f"a message is limited to {MAX_MESSAGE} characters")
    asked = now or now_utc()
    st = attempts.attempt_status(sessions=sessions, attempt_id=attempt_id, now=asked)
    if st.problem_id != problem.id:
        raise InvalidInput(f"attempt {attempt_id} is not an attempt at {problem.id}")
    if st.status != AttemptStatus.ACTIVE.value or st.clock.expired:
        raise AttemptClosed(f"attempt {attempt_id} is over ({st.status}): the assistant answers during an attempt; "
                            "the conversation is kept below")
    history = messages(sessions=sessions, attempt_id=attempt_id)
    if len(history) >= MAX_MESSAGES:
        raise InvalidInput(f"this conversation has {len(history)} messages, the most one attempt keeps")
    try:
        files = cb.decode(st.code)
    except cb.RepoError:
        files = cb.starting_repo(problem)
    path = path.strip()[:300]
    if path and current is not None:
        files[path] = current
    chat = [{"role": m.role, "content": m.text} for m in history[-HISTORY:]]
    reply = _complete(cfg, [{"role": "system", "content": _system(problem, files, path)}, *chat,
                            {"role": "user", "content": message}])
    with sessions.begin() as s:
        s.add(CodebaseChatMessage(attempt_id=attempt_id, role="user", text=message, path=path, at=asked))
        s.add(CodebaseChatMessage(attempt_id=attempt_id, role="assistant", text=reply[:20_000], path="",
                                  at=max(now_utc(), asked)))
    return messages(sessions=sessions, attempt_id=attempt_id)


def _system(problem: Problem, files: cb.Repo, path: str) -> str:
    brief = problem.statement_upto(1)
    if len(brief) > MAX_BRIEF_CHARS:
        brief = brief[:MAX_BRIEF_CHARS] + "\n[... the brief goes on]"
    listing = "\n".join(f"- {p} ({len(t.splitlines())} lines)" for p, t in sorted(files.items()))
    text = (
        "You are the AI assistant a candidate may use in an AI-assisted codebase interview round. The candidate "
        "works on a small Python repository: tests that fail because of planted bugs (one visible test is itself "
        "wrong), a core function to write simply and then make fast, and an EXPLANATION.md saying why each test "
        "failed. Help as a capable pair programmer would: answer questions about the code, explain errors and "
        "test failures, suggest fixes and faster approaches when asked. Be concise; put code in fenced blocks and "
        "prefer the lines that change to whole files. The interviewer watches how the candidate works with you.\n\n"
        f"The brief:\n{brief.strip()}\n\nThe repository's files:\n{listing}\n"
    )
    if path and path in files:
        body = files[path]
        if len(body) > MAX_FILE_CHARS:
            body = body[:MAX_FILE_CHARS] + "\n[... the file goes on]"
        text += f"\nThe file open in the candidate's editor, {path}:\n```\n{body}\n```\n"
    return text
