"""The behavioral content: the real bank passes its gate; broken files fail with messages that name
the file, the entry and the problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rounds.content import behavioral
from rounds.content.behavioral import (
    AREAS,
    MIN_PER_AREA,
    MIN_PER_SIGNAL,
    SIGNALS,
    counts,
    load_bank,
    validate_all,
)

# ---------------------------------------------------------------- the real bank


def test_the_real_bank_validates():
    checks = validate_all()
    bad = {c.file: c.failures for c in checks if not c.ok}
    assert not bad, bad
    files = {c.file for c in checks}
    assert {"questions.toml", "deep_dive.toml", "talk_rubric.toml"} <= files
    assert sum(f.startswith("values/") for f in files) >= 8
    assert all(c.items > 0 for c in checks)


def test_the_real_bank_counts():
    n = counts(load_bank())
    assert set(n) == {"questions", "companies", "deep_dive", "talk_rubric"}
    assert 8 <= n["talk_rubric"] <= 10
    assert n["questions"] >= 84
    assert n["companies"] >= 8
    assert n["deep_dive"] >= 30


def test_the_real_bank_covers_every_signal_and_area():
    b = load_bank()
    for s in SIGNALS:
        assert sum(q.signal == s for q in b.questions.values()) >= MIN_PER_SIGNAL, s
    for a in AREAS:
        assert len(b.by_area(a)) >= MIN_PER_AREA, a
    for q in b.questions.values():
        assert 3 <= len(q.listening_for) <= 6 and 2 <= len(q.red_flags) <= 5 and 2 <= len(q.follow_ups) <= 5
    # every signal is asked for by some company's values, so a story for it can be aligned somewhere
    mapped = {s for c in b.companies.values() for s in c.signals()}
    assert mapped == set(SIGNALS)


def test_the_real_companies_are_sourced_and_named():
    b = load_bank()
    assert {"amazon", "google", "meta", "netflix", "microsoft", "openai", "anthropic", "google-deepmind"} <= set(b.companies)
    for c in b.companies.values():
        assert len(c.source) > 40, c.id  # the page and the kind of document, not just a name
        assert c.values
    amazon = {v.name for v in b.companies["amazon"].values}
    assert {"Customer Obsession", "Dive Deep", "Have Backbone; Disagree and Commit"} <= amazon


def test_by_signal_lists_the_signal_first_then_the_questions_that_also_carry_it():
    b = load_bank()
    qs = b.by_signal("ownership")
    first = [q for q in qs if q.signal == "ownership"]
    assert qs[: len(first)] == first
    assert any(q.signal != "ownership" and "ownership" in q.also_signals for q in qs)


# ---------------------------------------------------------------- a small bank in tmp_path


def _toml_value(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(v)  # a TOML basic string for plain text


def _tables(name: str, rows: list[dict[str, Any]]) -> str:
    out = []
    for row in rows:
        out.append(f"[[{name}]]")
        out += [f"{k} = {_toml_value(v)}" for k, v in row.items()]
        out.append("")
    return "\n".join(out)


def _question(i: int, signal: str, **over: Any) -> dict[str, Any]:
    q = {
        "id": f"q{i}",
        "signal": signal,
        "question": f"Tell me about situation number {i}.",
        "listening_for": ["a clear situation", "their own actions", "a measured result"],
        "red_flags": ["blames others", "no result"],
        "follow_ups": ["What would you change?", "Who else was involved?"],
    }
    q.update(over)
    return {k: v for k, v in q.items() if v is not None}


def _questions(**over_first: Any) -> list[dict[str, Any]]:
    rows = [_question(i, s) for i, s in enumerate(s for s in SIGNALS for _ in range(MIN_PER_SIGNAL))]
    first = {**rows[0], **over_first}
    rows[0] = {k: v for k, v in first.items() if v is not None}
    return rows


def _probes() -> list[dict[str, Any]]:
    return [
        {"id": f"p{i}", "area": a, "question": f"Deep-dive probe number {i}?",
         "strong_answer": ["a specific answer", "numbers"]}
        for i, a in enumerate(a for a in AREAS for _ in range(MIN_PER_AREA))
    ]


COMPANY = """
[company]
id = "acme"
name = "Acme"
source = "The values page on Acme's careers site, the company's public statement of its values."

[[value]]
id = "own-it"
name = "Own It"
summary = "Treat problems as yours to solve."
signals = {signals}
questions_hint = "Something you carried through although it was not yours."
"""


def _write(root: Path, questions: list[dict[str, Any]] | None = None, probes: list[dict[str, Any]] | None = None,
           company: str | None = None, company_file: str = "acme.toml") -> Path:
    (root / "values").mkdir(parents=True, exist_ok=True)
    (root / "questions.toml").write_text(_tables("question", _questions() if questions is None else questions))
    (root / "deep_dive.toml").write_text(_tables("probe", _probes() if probes is None else probes))
    (root / "talk_rubric.toml").write_text(_tables("item", [
        {"id": f"t{i}", "item": f"The talk did thing {i}", "strong": "What a strong talk shows."} for i in range(8)]))
    (root / "values" / company_file).write_text(
        COMPANY.format(signals='["ownership", "initiative"]') if company is None else company)
    return root


def _failures(root: Path) -> dict[str, list[str]]:
    return {c.file: c.failures for c in validate_all(root) if not c.ok}


def _only(root: Path, file: str) -> list[str]:
    bad = _failures(root)
    assert set(bad) == {file}, bad
    return bad[file]


def test_a_minimal_bank_passes(tmp_path):
    root = _write(tmp_path)
    assert _failures(root) == {}
    b = load_bank(root)
    assert counts(b) == {"questions": len(SIGNALS) * MIN_PER_SIGNAL, "companies": 1,
                         "deep_dive": len(AREAS) * MIN_PER_AREA, "talk_rubric": 8}
    assert b.companies["acme"].signals() == ("initiative", "ownership")


@pytest.mark.parametrize(("over", "message"), [
    ({"signal": "charisma"}, "question 'q0': unknown signal 'charisma'"),
    ({"listening_for": ["one", "two"]}, "question 'q0': 'listening_for' needs 3 to 6 entries, has 2"),
    ({"listening_for": [f"point {i}" for i in range(7)]}, "'listening_for' needs 3 to 6 entries, has 7"),
    ({"red_flags": ["only one"]}, "question 'q0': 'red_flags' needs 2 to 5 entries, has 1"),
    ({"follow_ups": ["a", "b", "c", "d", "e", "f"]}, "question 'q0': 'follow_ups' needs 2 to 5 entries, has 6"),
    ({"follow_ups": ["Why?", "why?"]}, "question 'q0': 'follow_ups' lists the same entry twice"),
    ({"question": None}, "question 'q0': missing field 'question'"),
    ({"question": "  "}, "question 'q0': missing field 'question'"),
    ({"red_flags": None}, "question 'q0': missing field 'red_flags'"),
    ({"listening_for": "a string, not a list"}, "question 'q0': 'listening_for' must be a list of non-empty strings"),
    ({"id": "Not A Slug"}, "question #1: 'id' must be a lowercase slug"),
    ({"also_signals": ["charm"]}, "question 'q0': 'also_signals' names unknown signal(s) ['charm']"),
    ({"also_signals": [SIGNALS[0]]}, f"question 'q0': 'also_signals' repeats its own signal '{SIGNALS[0]}'"),
    ({"tags": ["x"]}, "question 'q0': unknown field(s) ['tags']"),
])
def test_a_broken_question_fails_with_a_specific_message(tmp_path, over, message):
    root = _write(tmp_path, questions=_questions(**over))
    failures = _only(root, "questions.toml")
    assert any(f.startswith("questions.toml: ") and message in f for f in failures), failures


def test_a_broken_question_leaves_its_signal_short(tmp_path):
    root = _write(tmp_path, questions=_questions(signal="charisma"))
    failures = _only(root, "questions.toml")
    assert f"questions.toml: signal '{SIGNALS[0]}' has 3 question(s), needs at least 4" in failures


def test_duplicate_ids_and_questions_fail(tmp_path):
    rows = _questions()
    rows.append(_question(1, SIGNALS[1]))  # the id 'q1' again
    rows.append(_question(999, SIGNALS[2], question="TELL ME about situation number 2!"))  # q2's words
    failures = _only(_write(tmp_path, questions=rows), "questions.toml")
    assert "questions.toml: question 'q1': the id is used twice" in failures
    assert "questions.toml: question 'q999': duplicate question (same as 'q2')" in failures


def test_every_signal_needs_enough_questions(tmp_path):
    rows = [q for q in _questions() if q["signal"] != "mentoring"][:-1]
    failures = _only(_write(tmp_path, questions=rows), "questions.toml")
    assert "questions.toml: signal 'mentoring' has 0 question(s), needs at least 4" in failures
    assert f"questions.toml: signal '{SIGNALS[-1]}' has 3 question(s), needs at least 4" in failures


def test_every_failure_is_reported_not_just_the_first(tmp_path):
    rows = _questions(signal="charisma", red_flags=["one"])
    failures = _only(_write(tmp_path, questions=rows), "questions.toml")
    assert any("unknown signal 'charisma'" in f for f in failures)
    assert any("'red_flags' needs 2 to 5 entries, has 1" in f for f in failures)


def test_a_company_value_must_map_to_known_signals(tmp_path):
    root = _write(tmp_path, company=COMPANY.format(signals='["ownership", "grit"]'))
    assert _only(root, "values/acme.toml") == [
        "values/acme.toml: value 'own-it': 'signals' names unknown signal(s) ['grit']; "
        f"the signals are {list(SIGNALS)}"]
    assert "acme" not in load_bank(root).companies


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace('signals = ["ownership"]', "signals = []"),
     "values/acme.toml: value 'own-it': 'signals' is empty: map the value to at least one signal"),
    (lambda t: t.replace('questions_hint = "Something you carried through although it was not yours."\n', ""),
     "values/acme.toml: value 'own-it': missing field 'questions_hint'"),
    (lambda t: t.replace('summary = "Treat problems as yours to solve."\n', ""),
     "values/acme.toml: value 'own-it': missing field 'summary'"),
    (lambda t: t.replace('source = "The values', 'origin = "The values'),
     "values/acme.toml: [company]: unknown field(s) ['origin']"),
    (lambda t: t.replace('id = "acme"', 'id = "acme-corp"'),
     "values/acme.toml: [company]: id must equal the file name 'acme', got 'acme-corp'"),
    (lambda t: t.split("[[value]]")[0], "values/acme.toml: no [[value]] tables"),
    (lambda t: t + t.split("\n", 5)[-1].replace("[company]", ""), "values/acme.toml: value 'own-it': the id is used twice"),
])
def test_a_broken_company_fails_with_a_specific_message(tmp_path, edit, message):
    text = edit(COMPANY.format(signals='["ownership"]'))
    failures = _only(_write(tmp_path, company=text), "values/acme.toml")
    assert message in failures, failures


def test_probes_need_known_areas_enough_per_area_and_new_questions(tmp_path):
    probes = _probes()
    probes[0]["area"] = "vibes"
    probes.append({"id": "p-again", "area": "scale", "question": "Tell me about situation number 5.",
                   "strong_answer": ["x", "y"]})
    probes.append({"id": "p-short", "area": "scale", "question": "Why?", "strong_answer": ["only one"]})
    failures = _only(_write(tmp_path, probes=probes), "deep_dive.toml")
    assert f"deep_dive.toml: probe 'p0': unknown area 'vibes'; the areas are {list(AREAS)}" in failures
    assert f"deep_dive.toml: area '{AREAS[0]}' has 2 probe(s), needs at least 3" in failures
    assert "deep_dive.toml: probe 'p-short': 'strong_answer' needs 2 to 5 entries, has 1" in failures
    assert ("deep_dive.toml: probe 'p-again': duplicate question (same as question 'q5' in questions.toml)"
            in failures)


def test_missing_and_unreadable_files_fail(tmp_path):
    root = _write(tmp_path)
    (root / "deep_dive.toml").unlink()
    (root / "talk_rubric.toml").unlink()
    (root / "values" / "acme.toml").write_text("[company\nid = ")
    bad = _failures(root)
    assert bad["deep_dive.toml"] == ["deep_dive.toml: the file is missing"]
    assert bad["talk_rubric.toml"] == ["talk_rubric.toml: the file is missing"]
    assert bad["values/acme.toml"][0].startswith("values/acme.toml: ")
    assert counts(load_bank(root))["companies"] == 0


def test_no_value_sets_fails(tmp_path):
    root = _write(tmp_path)
    (root / "values" / "acme.toml").unlink()
    assert _only(root, "values") == ["values/: no company value sets"]


def test_a_file_name_must_be_a_slug(tmp_path):
    text = COMPANY.format(signals='["ownership"]').replace('id = "acme"', 'id = "Acme_Co"')
    root = _write(tmp_path, company=text, company_file="Acme_Co.toml")
    assert "values/Acme_Co.toml: the file name must be a lowercase slug" in _only(root, "values/Acme_Co.toml")


def test_the_bundled_bank_is_loaded_once():
    assert behavioral.bank() is behavioral.bank()
    assert counts() == counts(behavioral.bank())
