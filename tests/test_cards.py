"""The fundamentals card bank: loader errors, the validate gate, grading, the coverage hint, the counts."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rounds.content import cards
from rounds.content.cards import (
    CardError,
    bank,
    coverage_hint,
    grade_choice,
    grade_number,
    load_bank,
    parse_number,
    render,
    validate_all,
)

OPEN = """
[[card]]
id = "{id}"
kind = "open"
question = "{question}"
answer = "A model answer."
deeper = "A follow-up."
links = {links}
key_points = [
  {{ point = "Softmax turns scores into weights", synonyms = ["softmax", "weights"] }},
  {{ point = "Weighted average of values", synonyms = ["weighted average"] }},
  {{ point = "A soft nearest-neighbour lookup", synonyms = ["nearest neighbour", "normalis"] }},
]
"""

CHOICE = """
[[card]]
id = "pick"
kind = "choice"
question = "Which are right?"
answer = "A and C."
deeper = "Why?"
key_points = ["Know A", "Know C"]
multiple = {multiple}
options = [
  {{ text = "A", correct = {a}, why = "A is right because." }},
  {{ text = "B", correct = false, why = "B confuses two things." }},
  {{ text = "C", correct = {c}, why = "C is right too." }},
]
"""

COMPUTED = """
[[card]]
id = "mm"
kind = "computed"
question = "FLOPs of an {{m}} x {{k}} by {{k}} x {{n}} matmul?"
answer = "2mkn."
deeper = "Memory-bound?"
key_points = ["2 FLOPs per multiply-add"]
generator = "gen"
answer_fn = "{answer_fn}"
check_fn = "check"
{extra}
"""

GEN = """
def gen(rng):
    return {"m": rng.randint(1, 9), "k": rng.randint(1, 9), "n": rng.randint(1, 9)}

def right(p):
    return 2 * p["m"] * p["k"] * p["n"]

def wrong_sometimes(p):
    return 2 * p["m"] * p["k"] * p["n"] + (1 if p["m"] == 7 else 0)

def check(p):
    return sum(2 * p["k"] for _ in range(p["m"] * p["n"]))
"""


def write_deck(root: Path, name: str, body: str, gen: str | None = None) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "deck.toml").write_text(f'[deck]\nid = "{name}"\ntitle = "{name.title()}"\n' + textwrap.dedent(body))
    if gen is not None:
        (folder / "gen.py").write_text(textwrap.dedent(gen))
    return folder


def open_card(cid: str = "a", question: str = "What is attention?", links: str = "[]") -> str:
    return OPEN.format(id=cid, question=question, links=links)


def errors(root: Path) -> list[str]:
    return [f for d in validate_all(root, draws=100) for f in d.failures]


# ---------------------------------------------------------------- loader errors


def test_a_well_formed_deck_loads_and_passes(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", open_card("a") + open_card("b", "Why scale by sqrt(d)?", '["one/a"]')
               + COMPUTED.format(answer_fn="right", extra=""), GEN)
    b = load_bank(tmp_path)
    assert b.errors == []
    assert sorted(b.cards) == ["one/a", "one/b", "one/mm"]
    assert errors(tmp_path) == []


def test_missing_field_names_the_file_and_the_card(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", open_card("a").replace('deeper = "A follow-up."\n', ""))
    (err,) = load_bank(tmp_path).errors
    assert "one/deck.toml" in err and "card 'one/a'" in err and "missing field 'deeper'" in err


def test_open_card_without_key_points_or_synonyms_is_rejected(tmp_path: Path) -> None:
    body = open_card("a").replace('["weighted average"]', "[]")
    write_deck(tmp_path, "one", body)
    (err,) = load_bank(tmp_path).errors
    assert "card 'one/a'" in err and "no synonyms" in err


def test_duplicate_question_across_decks(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", open_card("a", "What is attention?"))
    write_deck(tmp_path, "two", open_card("b", "what is  ATTENTION"))
    (err,) = load_bank(tmp_path).errors
    assert "duplicate question" in err and "'two/b'" in err and "'one/a'" in err


def test_duplicate_id_in_a_deck(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", open_card("a") + open_card("a", "Another question?"))
    (err,) = load_bank(tmp_path).errors
    assert "'one/a'" in err and "used twice" in err


def test_broken_link(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", open_card("a", links='["one/nope"]'))
    (err,) = load_bank(tmp_path).errors
    assert "card 'one/a'" in err and "link 'one/nope' does not resolve" in err


def test_choice_card_without_a_correct_option(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", CHOICE.format(multiple="true", a="false", c="false"))
    (err,) = load_bank(tmp_path).errors
    assert "card 'one/pick'" in err and "no option is marked correct" in err


def test_single_choice_card_with_two_correct_options(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", CHOICE.format(multiple="false", a="true", c="true"))
    (err,) = load_bank(tmp_path).errors
    assert "exactly one option correct" in err


def test_computed_card_whose_answer_disagrees_with_its_check(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", COMPUTED.format(answer_fn="wrong_sometimes", extra=""), GEN)
    assert load_bank(tmp_path).errors == []  # it loads; the gate catches it
    (err,) = errors(tmp_path)
    assert "card 'one/mm'" in err and "check_fn gives" in err and "'m': 7" in err


def test_computed_card_whose_answer_disagrees_with_a_stated_example(tmp_path: Path) -> None:
    extra = "examples = [{ params = { m = 2, k = 3, n = 4 }, answer = 47 }]"
    write_deck(tmp_path, "one", COMPUTED.format(answer_fn="right", extra=extra), GEN)
    (err,) = errors(tmp_path)
    assert "card 'one/mm'" in err and "gives 48" in err and "states 47" in err


def test_computed_card_needs_a_check_or_examples(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", COMPUTED.format(answer_fn="right", extra="").replace('check_fn = "check"\n', ""), GEN)
    (err,) = load_bank(tmp_path).errors
    assert "card 'one/mm'" in err and "check_fn" in err


def test_computed_card_naming_a_missing_function(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", COMPUTED.format(answer_fn="nowhere", extra=""), GEN)
    (err,) = errors(tmp_path)
    assert "card 'one/mm'" in err and "no function 'nowhere'" in err


def test_a_bad_deck_does_not_hide_the_good_ones(tmp_path: Path) -> None:
    write_deck(tmp_path, "bad", "[[card]]\nid = 'Not A Slug'\n")
    write_deck(tmp_path, "good", open_card("a"))
    results = {d.deck: d for d in validate_all(tmp_path)}
    assert results["good"].ok
    assert not results["bad"].ok and "lowercase slug" in results["bad"].failures[0]


def test_a_generator_module_that_fails_to_import(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", COMPUTED.format(answer_fn="right", extra=""), "raise RuntimeError('boom')\n")
    (result,) = validate_all(tmp_path)
    assert result.deck == "one" and "one/gen.py: failed to import: RuntimeError: boom" in result.failures[0]


# ---------------------------------------------------------------- computed cards: render and grade


@pytest.fixture
def mm(tmp_path: Path) -> tuple[cards.Bank, cards.Card]:
    write_deck(tmp_path, "one", COMPUTED.format(answer_fn="right", extra="rel_tol = 0.01"), GEN)
    b = load_bank(tmp_path)
    return b, b.get("one/mm")


def test_render_is_deterministic_per_seed_and_varies_across_seeds(mm: tuple[cards.Bank, cards.Card]) -> None:
    b, card = mm
    first = render(card, 3, b)
    assert render(card, 3, b) == first
    p = first.params
    assert first.question == f"FLOPs of an {p['m']} x {p['k']} by {p['k']} x {p['n']} matmul?"
    assert first.answer == 2 * p["m"] * p["k"] * p["n"]
    assert len({tuple(render(card, s, b).params.values()) for s in range(20)}) > 5


def test_grade_exact_and_tolerance(tmp_path: Path, mm: tuple[cards.Bank, cards.Card]) -> None:
    b, card = mm
    inst = render(card, 0, b)
    assert grade_number(inst, str(int(inst.answer))).correct
    assert grade_number(inst, str(inst.answer * 1.009)).correct  # inside 1%
    wrong = grade_number(inst, str(inst.answer * 1.02))
    assert wrong.status == "wrong" and "the answer is" in wrong.message
    exact = cards.Instance("x/y", 0, {}, "q", 48.0, 0.0, 0.0, "")
    assert grade_number(exact, "48").correct
    assert grade_number(exact, "48.0001").status == "wrong"


def test_empty_answer_is_i_dont_know_not_an_error() -> None:
    inst = cards.Instance("x/y", 0, {}, "q", 48.0, 0.0, 0.0, "")
    g = grade_number(inst, "   ")
    assert g.status == "skipped" and not g.correct and "48" in g.message
    assert grade_number(inst, "forty-eight").status == "unreadable"


def test_the_cards_unit_may_follow_the_number() -> None:
    inst = cards.Instance("x/y", 0, {}, "q", 112.0, 0.0, 0.01, "GB")
    assert grade_number(inst, "112 GB").correct and grade_number(inst, "112gb").correct
    assert grade_number(inst, "112 TB").status == "unreadable"


@pytest.mark.parametrize("text,value", [("1,024", 1024), ("3.5e9", 3.5e9), ("7B", 7e9), ("25%", 0.25),
                                        ("2k", 2000), ("3/8", 0.375), ("-0.5", -0.5)])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


# ---------------------------------------------------------------- choice cards


@pytest.fixture
def pick(tmp_path: Path) -> cards.Card:
    write_deck(tmp_path, "one", CHOICE.format(multiple="true", a="true", c="true"))
    return load_bank(tmp_path).get("one/pick")


def test_choice_right_answer(pick: cards.Card) -> None:
    g = grade_choice(pick, [0, 2])
    assert g.correct and g.reasons == ()
    assert grade_choice(pick, "a, c").correct


def test_choice_gives_reasons_for_wrong_picks_and_missed_answers(pick: cards.Card) -> None:
    g = grade_choice(pick, "a,b")
    assert g.status == "wrong" and g.right == (0, 2)
    assert dict(g.reasons) == {1: "B confuses two things.", 2: "C is right too."}


def test_choice_empty_pick_is_a_skip(pick: cards.Card) -> None:
    g = grade_choice(pick, [])
    assert g.status == "skipped" and not g.correct


def test_choice_out_of_range_pick_is_rejected(pick: cards.Card) -> None:
    with pytest.raises(ValueError):
        grade_choice(pick, [5])


def test_grading_the_wrong_kind_is_an_error(pick: cards.Card) -> None:
    with pytest.raises(CardError):
        render(pick, 0)


# ---------------------------------------------------------------- the coverage hint


def test_coverage_hint_matches_synonyms_phrases_and_word_forms(tmp_path: Path) -> None:
    write_deck(tmp_path, "one", open_card("a"))
    card = load_bank(tmp_path).get("one/a")
    hint = coverage_hint(card, "The Softmax gives normalised scores over the keys.")
    assert [p.seen for p in hint.points] == [True, False, True]
    assert hint.points[0].matched == ("softmax",) and hint.points[2].matched == ("normalis",)
    assert hint.seen == 2 and "not a grade" in hint.label
    assert coverage_hint(card, "a weighted average").points[1].seen
    assert not coverage_hint(card, "weighted, then average").points[1].seen  # a phrase is contiguous
    assert coverage_hint(card, "").seen == 0


# ---------------------------------------------------------------- the bundled bank, the gate and the counts


def test_bundled_bank_passes_the_gate() -> None:
    results = validate_all()
    assert [f for d in results for f in d.failures] == []
    assert sum(d.seconds for d in results) < 5


def test_bundled_bank_breadth() -> None:
    c = cards.counts(load_bank())
    assert c["cards"] >= 120 and c["kinds"]["computed"] >= 40 and c["kinds"]["choice"] >= 25
    assert len(c["decks"]) >= 15 and min(c["decks"].values()) >= 3
    assert c["not_loaded"] == 0


def test_every_bundled_open_card_has_three_to_six_key_points() -> None:
    for card in bank().cards.values():
        assert card.key_points and card.deeper, card.id
        if card.kind == "open":
            assert 3 <= len(card.key_points) <= 6, card.id


def test_every_open_cards_model_answer_meets_its_own_key_points() -> None:
    """The synonyms are honest: the model answer, run through the hint, covers every key point."""
    for card in bank().cards.values():
        if card.kind == "open":
            missed = [p.point for p in coverage_hint(card, card.answer).points if not p.seen]
            assert missed == [], f"{card.id}: the model answer misses {missed}"


def test_plural_and_word_forms_meet() -> None:
    assert cards.tokens("Gradients, updates; losses BIASES classes bias loss") == [
        "gradient", "update", "loss", "bias", "class", "bias", "loss"]
    kp = cards.KeyPoint("p", ("update", "bias"))
    card = cards.Card("d/c", "d", "open", "q", "a", (kp, kp, kp), "deeper")
    assert coverage_hint(card, "small updates vanish").points[0].matched == ("update",)
    assert coverage_hint(card, "biases").points[0].matched == ("bias",)


def test_stats_json_counts_fundamentals() -> None:
    from rounds.cli.app import app

    out = CliRunner().invoke(app, ["stats", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert {"rounds", "total", "levels", "total_levels", "not_loaded"} <= set(data)
    fund = data["fundamentals"]
    assert fund["cards"] == len(bank().cards) == sum(fund["decks"].values()) == sum(fund["kinds"].values())
    assert fund["decks"]["transformers"] == len(bank().decks["transformers"].cards)


def test_stats_table_mentions_fundamentals() -> None:
    from rounds.cli.app import app

    out = CliRunner().invoke(app, ["stats"])
    assert out.exit_code == 0, out.output
    assert f"fundamentals: {len(bank().cards)} cards in {len(bank().decks)} decks" in out.output


def test_validate_command_reports_the_decks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rounds.cli.app import app
    from rounds.services import judging

    monkeypatch.setattr(judging, "validate", lambda **kw: ([], {}))  # the problem packages are not under test
    ok = CliRunner().invoke(app, ["validate"])
    assert ok.exit_code == 0, ok.output
    assert "cards/transformers" in ok.output
    write_deck(tmp_path, "one", open_card("a", links='["one/nope"]'))
    monkeypatch.setattr(cards, "CARDS_ROOT", tmp_path)
    bad = CliRunner().invoke(app, ["validate"])
    assert bad.exit_code != 0 and "FAIL" in bad.output and "one/nope" in bad.output
