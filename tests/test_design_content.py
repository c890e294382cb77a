"""The design-round bank: the real prompts pass the gate, broken prompts fail with a precise message,
the coverage hint on notes and the clarifying-question matcher."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from rounds.content import design
from rounds.content.design import (
    FALLBACK_ANSWER,
    PHASES,
    SIGNALS,
    answer_clarifying,
    counts,
    coverage_hint,
    load_bank,
    match_clarifying,
    validate_all,
)

# ---------------------------------------------------------------- a valid prompt, as data


def _prompt(pid: str = "toy-store", kind: str = "infra", title: str = "A toy feature store") -> dict[str, Any]:
    phase_minutes = {"framing": 5, "high-level": 10, "step-by-step": 20, "deep-dives": 20, "wrap-up": 5}
    outlines = {
        "framing": "Ask about freshness and scale; state the latency budget.",
        "high-level": "Draw the offline store, the online store and the streaming path.",
        "step-by-step": "Define features once; materialise them to both stores; serve by entity key.",
        "deep-dives": "Point-in-time joins for training data; training-serving skew checks.",
        "wrap-up": "Summarise the trade-offs and name what to monitor.",
    }
    items = [
        ("freshness", "Asks how fresh features must be.", "problem-framing", "framing", ["freshness", "fresh"]),
        ("latency-budget", "States a latency budget.", "serving", "framing", ["latency budget"]),
        ("two-stores", "Separates offline and online stores.", "architecture", "high-level",
         ["offline store", "online store"]),
        ("streaming", "Has a streaming path.", "architecture", "high-level", ["streaming"]),
        ("define-once", "One definition for both stores.", "features", "step-by-step", ["define", "definition"]),
        ("materialise", "Materialises to both stores.", "architecture", "step-by-step", ["materialis"]),
        ("entity-key", "Serves by entity key.", "serving", "step-by-step", ["entity key"]),
        ("point-in-time", "Joins features as of the label time.", "data-and-labels", "deep-dives",
         ["point-in-time", "as-of join"]),
        ("skew", "Checks training-serving skew.", "evaluation", "deep-dives", ["skew"]),
        ("trade-offs", "Names the trade-offs.", "trade-offs", "wrap-up", ["trade-off", "tradeoff"]),
        ("monitor", "Says what to monitor.", "communication", "wrap-up", ["monitor"]),
    ]
    return {
        "prompt": {"id": pid, "kind": kind, "title": title, "minutes": 60,
                   "opening": "Design a feature store.", "tags": ["feature-store"]},
        "clarify": [
            {"question": "How fresh must features be?", "answer": "Seconds for session features.",
             "keywords": ["fresh", "freshness", "staleness"]},
            {"question": "What is the read latency budget?", "answer": "10 ms p99 for a read.",
             "keywords": ["latency", "p99", "budget"]},
            {"question": "How many entities?", "answer": "500 million users.",
             "keywords": ["entities", "how many users", "scale"]},
            {"question": "Which models read it?", "answer": "Ranking and fraud.",
             "keywords": ["models", "consumers", "teams"]},
            {"question": "Is there a store today?", "answer": "Only ad hoc tables.",
             "keywords": ["existing", "today", "current"]},
        ],
        "phase": [{"name": n, "minutes": m, "outline": outlines[n]} for n, m in phase_minutes.items()],
        "rubric": [{"id": i, "item": t, "signal": s, "phase": ph, "senior": "Does it.",
                    "staff": "Does it with numbers.", "synonyms": syn} for i, t, s, ph, syn in items],
        "probes": [f"Probe {n}?" for n in range(6)],
        "pitfalls": ["Pitfall one.", "Pitfall two.", "Pitfall three."],
    }


def _value(v: Any) -> str:
    if isinstance(v, str):
        return json.dumps(v)  # a JSON string is a valid TOML basic string
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def _toml(data: dict[str, Any], lists_at_end: bool = False) -> str:
    """Plain values first (or last, as the end-of-file form), then [tables] and [[arrays of tables]]."""
    plain = [f"{k} = {_value(v)}" for k, v in data.items()
             if not isinstance(v, dict) and not (isinstance(v, list) and v and all(isinstance(x, dict) for x in v))]
    out = [] if lists_at_end else list(plain)
    for k, v in data.items():
        if isinstance(v, dict):
            out.append(f"[{k}]")
            out += [f"{kk} = {_value(x)}" for kk, x in v.items()]
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            for t in v:
                out.append(f"[[{k}]]")
                out += [f"{kk} = {_value(x)}" for kk, x in t.items()]
    if lists_at_end:
        out += plain
    return "\n".join(out) + "\n"


def _write(root: Path, data: dict[str, Any], kind: str | None = None, name: str | None = None,
           lists_at_end: bool = False) -> Path:
    folder = root / (kind or data["prompt"]["kind"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or data['prompt']['id']}.toml"
    path.write_text(_toml(data, lists_at_end), encoding="utf-8")
    return path


def _failures(tmp_path: Path, data: dict[str, Any], **kw: Any) -> list[str]:
    _write(tmp_path, data, **kw)
    results = validate_all(tmp_path)
    assert len(results) == 1
    return results[0].failures


# ---------------------------------------------------------------- the real bank


def test_the_bundled_bank_passes_the_gate() -> None:
    results = validate_all()
    bad = [f for r in results for f in r.failures]
    assert not bad, "\n".join(bad)
    n = counts(load_bank())
    assert set(n) == {"model-design", "infra-design"}
    assert n["infra-design"] >= 14


def test_bundled_infra_prompts_cover_the_issue_topics() -> None:
    infra = {p.id for p in load_bank().of_kind("infra")}
    for slug in ("feature-store", "training-data-generation", "distributed-training", "continuous-retraining",
                 "model-publishing", "rollout-and-rollback", "online-serving", "embedding-index",
                 "event-logging", "ads-ranking-platform"):
        assert slug in infra, slug


def test_a_valid_prompt_loads_in_both_layouts(tmp_path: Path) -> None:
    data = _prompt()
    _write(tmp_path, data)
    _write(tmp_path, _prompt("toy-two", title="Another store"), lists_at_end=True)
    b = load_bank(tmp_path)
    assert not b.failures, b.failures
    p = b.get("toy-store")
    assert b.get("infra/toy-store") is p and p.key == "infra/toy-store"
    assert [ph.name for ph in p.phases] == list(PHASES)
    assert len(p.rubric) == 11 and p.probes[0] == "Probe 0?" and len(p.pitfalls) == 3
    two = b.get("toy-two")
    assert len(two.probes) == 6 and len(two.pitfalls) == 3 and len(two.rubric) == 11
    assert counts(b) == {"model-design": 0, "infra-design": 2}
    assert all(r.ok for r in validate_all(tmp_path))


# ---------------------------------------------------------------- broken prompts, one message each


def _set(path: str, value: Any) -> Any:
    def edit(d: dict[str, Any]) -> None:
        *head, last = path.split(".")
        target: Any = d
        for part in head:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return edit


_DELETE = object()

BROKEN = [
    ("missing title", _set("prompt.title", _DELETE), "[prompt]: missing field 'title'"),
    ("bad length", _set("prompt.minutes", 50), "minutes must be 45 or 60"),
    ("zero length", _set("prompt.minutes", 0), "minutes must be 45 or 60 (the round's length), got 0"),
    ("text length", _set("prompt.minutes", "60"), "'minutes' must be a whole number"),
    ("id vs file", _set("prompt.id", "other"), "must equal the file name 'toy-store'"),
    ("kind vs folder", _set("prompt.kind", "model"), "must equal the folder 'infra'"),
    ("no id", _set("prompt.id", _DELETE), "[prompt]: missing field 'id' (the file name, 'toy-store')"),
    ("no kind", _set("prompt.kind", _DELETE), "[prompt]: missing field 'kind' (the folder, 'infra')"),
    ("no prompt table", _set("prompt", _DELETE), "no [prompt] table"),
    ("no phases", _set("phase", _DELETE), "phases must be exactly framing, high-level, step-by-step, "
     "deep-dives, wrap-up in this order, got none"),
    ("empty outline", _set("phase.2.outline", " "), "phase 'step-by-step': missing field 'outline'"),
    ("phase order", lambda d: d["phase"].reverse(), "phases must be exactly framing, high-level"),
    ("phase missing", lambda d: d["phase"].pop(), "phases must be exactly"),
    ("phase sum", _set("phase.0.minutes", 10), "the phases add up to 65 minutes, the round is 60"),
    ("phase zero", lambda d: (d["phase"][0].update(minutes=0), d["phase"][1].update(minutes=15)),
     "phase 'framing': minutes must be positive"),
    ("few rubric", lambda d: d.update(rubric=d["rubric"][:9]), "9 rubric items; a prompt has 10 to 20"),
    ("many rubric", lambda d: d["rubric"].extend(
        dict(d["rubric"][0], id=f"extra-{i}") for i in range(10)), "21 rubric items"),
    ("signal", _set("rubric.0.signal", "vibes"), "rubric 'freshness': unknown signal 'vibes'"),
    ("senior", _set("rubric.1.senior", ""), "rubric 'latency-budget': missing field 'senior'"),
    ("staff", _set("rubric.1.staff", _DELETE), "rubric 'latency-budget': missing field 'staff'"),
    ("rubric phase", _set("rubric.2.phase", "lunch"), "rubric 'two-stores': phase 'lunch' is not one of"),
    ("not in outline", _set("rubric.3.synonyms", ["kafka"]),
     "rubric 'streaming': the 'high-level' outline does not mention it"),
    ("empty synonyms", _set("rubric.3.synonyms", []), "rubric 'streaming': 'synonyms' is empty"),
    ("dup rubric id", _set("rubric.4.id", "freshness"), "rubric 'freshness': the id is used twice"),
    ("bad rubric id", _set("rubric.4.id", "Define Once"), "rubric #5: 'id' must be a lowercase slug"),
    ("few probes", _set("probes", ["One?", "Two?"]), "2 probes; a prompt has 5 to 10"),
    ("many probes", _set("probes", [f"P{i}?" for i in range(11)]), "11 probes"),
    ("no probes", _set("probes", _DELETE), "missing field 'probes'"),
    ("few pitfalls", _set("pitfalls", ["Only one."]), "1 pitfalls; a prompt has at least 3"),
    ("few clarify", lambda d: d.update(clarify=d["clarify"][:4]), "4 [[clarify]] entries; a prompt has 5 to 10"),
    ("clarify keywords", _set("clarify.2.keywords", []), "clarify #3: 'keywords' is empty"),
    ("clarify answer", _set("clarify.0.answer", _DELETE), "clarify #1: missing field 'answer'"),
    ("unknown field", _set("rubric.0.synonym", ["x"]), "rubric 'freshness': unknown field(s) 'synonym'"),
    ("unknown table", _set("notes", [{"x": "y"}]), "unknown field(s) 'notes'"),
]


@pytest.mark.parametrize("name,edit,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_prompt_fails_with_a_specific_message(tmp_path: Path, name: str, edit: Any, message: str) -> None:
    data = _prompt()
    edit(data)
    failures = _failures(tmp_path, data, kind="infra", name="toy-store")
    assert any(message in f for f in failures), failures
    assert all(f.startswith("infra/toy-store.toml: ") for f in failures), failures


def test_every_failure_is_reported_not_just_the_first(tmp_path: Path) -> None:
    data = _prompt()
    data["rubric"][0]["signal"] = "vibes"
    data["pitfalls"] = []
    data["prompt"]["minutes"] = 30
    failures = _failures(tmp_path, data)
    assert any("unknown signal" in f for f in failures)
    assert any("0 pitfalls" in f for f in failures)
    assert any("minutes must be 45 or 60" in f for f in failures)


def test_probes_inside_a_rubric_item_or_twice_fail(tmp_path: Path) -> None:
    data = _prompt()
    data["rubric"][2]["probes"] = ["Hidden?"]
    assert any("rubric #3: 'probes' sits inside a rubric item" in f for f in _failures(tmp_path, data))
    data = _prompt()
    data["prompt"]["pitfalls"] = ["x", "y", "z"]
    assert any("'pitfalls' is given in more than one place" in f for f in _failures(tmp_path / "b", data))


def test_file_level_problems(tmp_path: Path) -> None:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "broken.toml").write_text("[prompt\nid = 1\n", encoding="utf-8")
    _write(tmp_path, _prompt("Bad_Name"), name="Bad_Name")
    _write(tmp_path, _prompt("toy", kind="platform"))
    (tmp_path / "loose.toml").write_text("", encoding="utf-8")
    results = {r.prompt: r for r in validate_all(tmp_path)}
    assert results["infra/broken"].failures[0].startswith("infra/broken.toml: ")
    assert any("must be a lowercase slug" in f for f in results["infra/Bad_Name"].failures)
    assert any("the folder 'platform' is not a kind" in f for f in results["platform/toy"].failures)
    assert results["loose"].failures == ["loose.toml: a prompt file belongs in a kind folder (model, infra)"]
    assert not any(r.ok for r in results.values())


def test_duplicate_ids_and_titles_across_the_bank(tmp_path: Path) -> None:
    _write(tmp_path, _prompt("same", kind="infra", title="One"))
    _write(tmp_path, _prompt("same", kind="model", title="Two"))
    _write(tmp_path, _prompt("third", kind="model", title="one"))
    results = {r.prompt: r for r in validate_all(tmp_path)}
    assert any("the prompt id is used twice (also by 'infra/same')" in f for f in results["model/same"].failures)
    assert any("the prompt title is used twice (also by 'infra/same')" in f for f in results["model/third"].failures)
    assert results["infra/same"].ok
    assert counts(load_bank(tmp_path)) == {"model-design": 0, "infra-design": 1}


# ---------------------------------------------------------------- the coverage hint


def test_coverage_hint_marks_items_whose_synonyms_appear(tmp_path: Path) -> None:
    _write(tmp_path, _prompt())
    p = load_bank(tmp_path).get("toy-store")
    notes = ("## Deep dives\nTraining rows use an as-of join on event time. Online stores are Redis; "
             "we materialised features hourly and MONITOR the skews.")
    hint = coverage_hint(notes, p)
    assert hint.get("point-in-time").matched == ("as-of join",)
    assert hint.get("two-stores").matched == ("online store",)  # plural folded
    assert hint.get("materialise").seen  # a long synonym matches the words it begins
    assert hint.get("skew").seen and hint.get("monitor").seen  # case and plural
    assert not hint.get("freshness").seen and not hint.get("entity-key").seen
    assert hint.seen == 5 and len(hint.items) == len(p.rubric)
    assert "not a grade" in hint.label
    same = coverage_hint(notes, p.rubric[:3])  # a plain list of items works too
    assert [i.id for i in same.items] == ["freshness", "latency-budget", "two-stores"]
    assert coverage_hint("", p).seen == 0


def test_the_hint_uses_the_card_banks_matching() -> None:
    from rounds.content import cards
    assert design.tokens is cards.tokens  # imported, not copied


# ---------------------------------------------------------------- the interviewer's clarifying answers


def test_clarifying_questions_are_answered_by_keyword(tmp_path: Path) -> None:
    _write(tmp_path, _prompt())
    p = load_bank(tmp_path).get("toy-store")
    assert answer_clarifying(p, "How stale can the features be? Is freshness critical?") == \
        "Seconds for session features."
    assert answer_clarifying(p, "What's the p99 latency we must hit?") == "10 ms p99 for a read."
    assert answer_clarifying(p, "how many users are there") == "500 million users."
    assert answer_clarifying(p, "Is there something in place today?") == "Only ad hoc tables."
    assert answer_clarifying(p, "What colour is the logo?") == FALLBACK_ANSWER
    assert answer_clarifying(p, "") == FALLBACK_ANSWER
    assert match_clarifying(p, "   ") is None


def test_more_keyword_hits_win_then_question_overlap(tmp_path: Path) -> None:
    data = _prompt()
    data["clarify"][3]["keywords"] = ["latency", "models"]
    _write(tmp_path, data)
    p = load_bank(tmp_path).get("toy-store")
    # both entries match one keyword; the user's words overlap "What is the read latency budget?" more
    assert answer_clarifying(p, "what latency for a read") == "10 ms p99 for a read."
    # two hits beat one
    assert answer_clarifying(p, "latency of the models") == "Ranking and fraud."


def test_the_real_prompts_answer_their_own_clarifying_questions() -> None:
    for p in load_bank().of_kind("infra"):
        for cl in p.clarify:
            assert match_clarifying(p, cl.question) is cl, (p.key, cl.question)


def test_signals_are_the_issues_ten() -> None:
    assert len(SIGNALS) == 10 and len(set(SIGNALS)) == 10
    assert copy.copy(PHASES) == ("framing", "high-level", "step-by-step", "deep-dives", "wrap-up")
