"""The story coach: rough notes (and a company's values) into a SAIL draft, with each sentence's source.

Optional, through the same OpenAI-compatible endpoint as the design rounds (``ROUNDS_LLM_BASE_URL``,
``ROUNDS_LLM_MODEL``, ``ROUNDS_LLM_API_KEY``), and only when the user presses the button that sends
the notes. The prompt tells the model to invent nothing and to give, for every sentence it writes,
the words of the rough notes it comes from. Those quotes are checked here: a sentence whose quote
is not in the notes is kept but marked *not in your notes* and left out of the story form it fills.
A values-alignment section says, for values of the chosen company, what in the notes shows them.

Offline (no endpoint set), the same step is a guided form: the questions to answer for each SAIL
part, the question's listening-for list, and the company's values with what a story should show.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from rounds.content.behavioral import Behavioral, Company, Question, bank
from rounds.services.design_interviewer import LlmConfig, ModelUnavailable, _complete, config
from rounds.services.errors import InvalidInput

MAX_NOTES = 10_000
PARTS = ("situation", "action", "impact", "learning")
GUIDE = {
    "situation": ("Where were you, when, in what role?", "What was at stake, in a number if you can?",
                  "Two sentences at most: the interviewer wants your part, not the backdrop."),
    "action": ("What did you do yourself (I, not we)?", "Which decision was yours, and what did you weigh?",
               "Whom did you have to convince, and how?"),
    "impact": ("What changed, in numbers against the baseline?", "Who noticed, and what happened next?",
               "What would have happened without you?"),
    "learning": ("What do you do differently since?", "What would you do differently if it happened again?"),
}

__all__ = ["Draft", "Sentence", "Alignment", "GUIDE", "ModelUnavailable", "available", "draft", "guide"]


@dataclass(frozen=True)
class Sentence:
    text: str
    source: str  # the words of the rough notes it comes from ("" when the model gave none it could back)
    supported: bool


@dataclass(frozen=True)
class Alignment:
    value_id: str
    value_name: str
    how: str
    source: str
    supported: bool


@dataclass(frozen=True)
class Draft:
    title: str
    parts: dict[str, list[Sentence]]
    values: list[Alignment]
    missing: list[str]  # what the notes do not say that a strong answer needs

    def text(self, part: str) -> str:
        """The supported sentences of a part, for the story form."""
        return " ".join(s.text for s in self.parts.get(part, []) if s.supported)

    @property
    def unsupported(self) -> int:
        return sum(not s.supported for ss in self.parts.values() for s in ss) + sum(not a.supported
                                                                                   for a in self.values)


def available(env: dict[str, str] | None = None) -> LlmConfig | None:
    return config(env)


def _squash(text: str) -> str:
    return re.sub(r"[\s\"'“”‘’]+", " ", text).strip().lower()


def _found(quote: str, notes: str) -> bool:
    q = _squash(quote)
    return bool(q) and len(q) >= 3 and q in notes


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _json(text: str) -> Any:
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    if fenced:
        text = fenced.group(1)
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ModelUnavailable("the coach's answer was not JSON; use the guided form instead")
    try:
        return json.loads(text[start:end + 1])
    except ValueError:
        raise ModelUnavailable("the coach's answer was not valid JSON; use the guided form instead") from None


def _context(b: Behavioral, company_id: str, question_id: str) -> tuple[Company | None, Question | None]:
    company = b.companies.get(company_id) if company_id else None
    if company_id and company is None:
        raise InvalidInput(f"unknown company '{company_id}'")
    question = b.questions.get(question_id) if question_id else None
    if question_id and question is None:
        raise InvalidInput(f"no question '{question_id}' in the bank")
    return company, question


def draft(notes: str, *, company_id: str = "", question_id: str = "", cfg: LlmConfig | None = None,
          b: Behavioral | None = None) -> Draft:
    """Ask the model for a SAIL draft of the rough notes; every sentence's source is checked against the notes."""
    cfg = cfg or config()
    if cfg is None:
        raise ModelUnavailable("no model is set up: set ROUNDS_LLM_BASE_URL and ROUNDS_LLM_MODEL, or use the "
                               "guided form")
    if not notes.strip():
        raise InvalidInput("write your rough notes first")
    if len(notes) > MAX_NOTES:
        raise InvalidInput(f"the notes are longer than {MAX_NOTES} characters")
    b = b or bank()
    company, question = _context(b, company_id, question_id)
    values = "\n".join(f'- id "{v.id}": {v.name}: {v.summary} A story for it shows: {v.questions_hint}'
                       for v in company.values) if company else ""
    system = (
        "You help a candidate shape a behavioral interview story in SAIL form (situation, action, impact, learning) "
        "from their own rough notes. Invent nothing: no numbers, names, events or outcomes that the notes do not "
        "state. For every sentence you write, give the exact words of the notes it comes from as 'source' (a "
        "verbatim quote of at most 200 characters). Write in the first person, short sentences. If the notes lack "
        "something a strong answer needs, list it under 'missing' instead of making it up. Answer with JSON only: "
        '{"title": "...", "situation": [{"text": "...", "source": "..."}], "action": [...], "impact": [...], '
        '"learning": [...], "values": [{"id": "...", "how": "...", "source": "..."}], "missing": ["..."]}')
    user = f"My rough notes:\n{notes.strip()}"
    if question:
        user += f"\n\nThe question I want it to answer: {question.question}\nThe interviewer listens for:\n" + \
            "\n".join(f"- {x}" for x in question.listening_for)
    if company:
        user += (f"\n\nThe company: {company.name}. Under 'values', say for each of these values that the notes "
                 f"really show how they show it (skip the others):\n{values}")
    data = _json(_complete(cfg, [{"role": "system", "content": system}, {"role": "user", "content": user}],
                           as_json=True))
    if not isinstance(data, dict):
        raise ModelUnavailable("the coach's answer was not a JSON object; use the guided form instead")
    squashed = _squash(notes)
    parts: dict[str, list[Sentence]] = {}
    for part in PARTS:
        items = data.get(part) or []
        if isinstance(items, str):
            items = [{"text": items, "source": ""}]
        out = []
        for it in items if isinstance(items, list) else []:
            if not isinstance(it, dict) or not isinstance(it.get("text"), str) or not it["text"].strip():
                continue
            src = _str(it.get("source"))
            ok = _found(src, squashed)
            out.append(Sentence(it["text"].strip()[:1000], src.strip()[:300], ok))
        parts[part] = out
    aligned = []
    known = {v.id: v for v in company.values} if company else {}
    for it in data.get("values") or []:
        if not isinstance(it, dict) or it.get("id") not in known or not isinstance(it.get("how"), str):
            continue
        src = _str(it.get("source"))
        v = known[it["id"]]
        aligned.append(Alignment(v.id, v.name, it["how"].strip()[:1000], src.strip()[:300], _found(src, squashed)))
    missing = [str(m)[:300] for m in data.get("missing") or [] if isinstance(m, str | int | float)]
    if not any(parts.values()):
        raise ModelUnavailable("the coach wrote no sentence of the story; use the guided form instead")
    return Draft(title=_str(data.get("title")).strip()[:200], parts=parts, values=aligned, missing=missing)


@dataclass(frozen=True)
class Guide:
    parts: dict[str, tuple[str, ...]]
    question: Question | None
    company: Company | None


def guide(*, company_id: str = "", question_id: str = "", b: Behavioral | None = None) -> Guide:
    """The offline guided form: questions per SAIL part, the question's checklist, the company's values."""
    b = b or bank()
    company, question = _context(b, company_id, question_id)
    return Guide(parts=GUIDE, question=question, company=company)
