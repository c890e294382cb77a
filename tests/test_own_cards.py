"""The user's own cards: add, edit, practise, import and export without losing review history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from rounds.content.cards import bank
from rounds.services import card_practice as cp
from rounds.services import own_cards as oc
from rounds.services.errors import InvalidInput
from rounds.storage.db import Database
from rounds.storage.models import CardReview, UserCard

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CSV = """id,question,answer,key_points,tags,deeper
,Why does dropout help?,It trains an ensemble of thinned networks.,Ensemble of subnetworks | Prevents co-adaptation,regularisation mine,What changes at test time?
why-warmup,"Why use LR warmup with Adam, briefly?","Early second-moment estimates are noisy; small steps first.",Noisy early variance | Large early updates,optimisation,
"""


def _count(db: Database) -> int:
    with db.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(UserCard)) or 0)


def test_add_edit_and_practise_an_own_card(db: Database) -> None:
    cid = oc.add_card(sessions=db.sessions, card=oc.CardInput(
        question="What does weight tying share?", answer="The input embedding and the output projection.",
        key_points=("embedding matrix reused", "fewer parameters"), tags=("LLM", "llm")))
    assert cid == "mine/what-does-weight-tying-share"
    again = oc.add_card(sessions=db.sessions, card=oc.CardInput(question="What does weight tying share?", answer="x"))
    assert again == "mine/what-does-weight-tying-share-2"
    b = oc.practice_bank(sessions=db.sessions)
    card = b.get(cid)
    assert card.kind == "open" and card.tags == ("llm",) and b.decks["mine"].title == "My cards"
    g = cp.grade(card, None, "the embedding matrix is reused as the output layer", b)
    assert g.outcome == "self" and g.hint is not None and g.hint.points[0].seen
    cp.review(sessions=db.sessions, bank=b, card_id=cid, seed=None, answer="embedding", rating=3, now=T0)
    oc.edit_card(sessions=db.sessions, card_id=cid, card=oc.CardInput(
        question="What does weight tying share, and why?", answer="The embedding and the output projection.",
        key_points=("same matrix",), tags=("llm", "tying")))
    edited = oc.practice_bank(sessions=db.sessions).get(cid)
    assert edited.question.endswith("and why?") and edited.tags == ("llm", "tying")
    assert cp.replay(sessions=db.sessions, card_id=cid) is not None  # the history stayed with the id
    with pytest.raises(InvalidInput, match="answer is empty"):
        oc.add_card(sessions=db.sessions, card=oc.CardInput(question="Q?", answer="  "))
    q = cp.queue(sessions=db.sessions, bank=oc.practice_bank(sessions=db.sessions), decks=["mine"], now=T0)
    assert q.new == ["mine/what-does-weight-tying-share-2"]


def test_csv_import_then_re_import_keeps_the_review_history(db: Database) -> None:
    rep = oc.import_cards(sessions=db.sessions, text=CSV, fmt="csv", now=T0)
    assert rep.added == ["mine/why-does-dropout-help", "mine/why-warmup"] and rep.updated == []
    b = oc.practice_bank(sessions=db.sessions)
    assert [k.point for k in b.get("mine/why-does-dropout-help").key_points] == [
        "Ensemble of subnetworks", "Prevents co-adaptation"]
    for n in range(3):
        cp.review(sessions=db.sessions, bank=b, card_id="mine/why-warmup", seed=None, answer="noisy", rating=3,
                  now=T0 + timedelta(days=n * 2))
    before = cp.stored_state(sessions=db.sessions, card_id="mine/why-warmup")
    exported = oc.export_csv(oc.own_cards(sessions=db.sessions))
    rep2 = oc.import_cards(sessions=db.sessions, text=exported.replace("small steps first", "take small steps"),
                           fmt="csv", now=T0 + timedelta(days=9))
    assert rep2.added == [] and sorted(rep2.updated) == ["mine/why-does-dropout-help", "mine/why-warmup"]
    after = cp.stored_state(sessions=db.sessions, card_id="mine/why-warmup")
    assert before is not None and after is not None and after.stability == before.stability
    assert "take small steps" in oc.practice_bank(sessions=db.sessions).get("mine/why-warmup").answer
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CardReview)) == 3


@pytest.mark.parametrize("text, line, why", [
    ("question,answer\nQ1?,A1\nQ2?,\nQ3?,A3\n", 3, "answer is empty"),
    ("question,answer\nQ1?,A1\nQ2?,A2,extra\n", 3, "3 fields, the header has 2"),
    ("question,answer,colour\nQ1?,A1,red\n", 1, "unknown column 'colour'"),
    ("question\nQ1?\n", 1, "no 'answer' column"),
    ('question,answer\nQ1?,A1\n"Q2?,A2\n', 3, ""),
    ("id,question,answer\nsame,Q1?,A1\nsame,Q2?,A2\n", 3, "also on line 2"),
    ("id,question,answer\nBad Id!,Q1?,A1\n", 2, "lowercase slug"),
    ("", 1, "empty"),
])
def test_a_malformed_csv_names_the_line_and_imports_nothing(db: Database, text: str, line: int, why: str) -> None:
    with pytest.raises(InvalidInput, match=f"^line {line}: .*{why}"):
        oc.import_cards(sessions=db.sessions, text=text, fmt="csv")
    assert _count(db) == 0


def test_a_quoted_field_over_several_lines_keeps_the_line_numbers_right(db: Database) -> None:
    text = 'question,answer\n"Line one\nline two?",A1\nQ2?,\n'
    with pytest.raises(InvalidInput, match="^line 4: the answer is empty"):
        oc.import_cards(sessions=db.sessions, text=text, fmt="csv")


def test_anki_export_and_re_import_round_trip(db: Database) -> None:
    oc.import_cards(sessions=db.sessions, text=CSV, fmt="csv", now=T0)
    b = oc.practice_bank(sessions=db.sessions)
    cp.review(sessions=db.sessions, bank=b, card_id="mine/why-does-dropout-help", seed=None, answer="", rating=None,
              now=T0)
    text = oc.export_anki(oc.own_cards(sessions=db.sessions))
    lines = text.splitlines()
    assert lines[:4] == ["#separator:tab", "#html:true", "#guid column:1", "#tags column:4"]
    guid, front, back, tags = lines[4].split("\t")
    assert guid == "mine/why-does-dropout-help" and front == "Why does dropout help?"
    assert "Key points:<br>- Ensemble of subnetworks" in back and tags == "regularisation mine"
    rep = oc.import_cards(sessions=db.sessions, text=text, fmt="anki")
    assert rep.added == [] and len(rep.updated) == 2
    card = oc.practice_bank(sessions=db.sessions).get("mine/why-does-dropout-help")
    assert card.answer == "It trains an ensemble of thinned networks."
    assert [k.point for k in card.key_points] == ["Ensemble of subnetworks", "Prevents co-adaptation"]
    assert card.deeper == "What changes at test time?"
    assert cp.replay(sessions=db.sessions, card_id="mine/why-does-dropout-help") is not None


def test_an_anki_file_without_ids_imports_by_question_and_bad_lines_import_nothing(db: Database) -> None:
    plain = "#separator:tab\n#html:false\nWhat is ReLU?\tmax(0, x)\nWhat is GELU?\tx * Phi(x)\n"
    assert oc.import_cards(sessions=db.sessions, text=plain, fmt="anki").added == ["mine/what-is-relu",
                                                                                    "mine/what-is-gelu"]
    assert oc.import_cards(sessions=db.sessions, text=plain, fmt="anki").updated == ["mine/what-is-relu",
                                                                                      "mine/what-is-gelu"]
    with pytest.raises(InvalidInput, match="^line 3: a card needs a front and a back"):
        oc.import_cards(sessions=db.sessions, text="#separator:tab\nA?\tB\nno back here\n", fmt="anki")
    assert _count(db) == 2


def test_a_bundled_deck_exports_to_anki_without_its_computed_cards() -> None:
    deck = bank().decks["activations"]
    text = oc.export_anki(list(deck.cards))
    rows = text.splitlines()[4:]
    assert len(rows) == sum(c.kind != "computed" for c in deck.cards)
    assert all(len(r.split("\t")) == 4 for r in rows)
    assert all(r.split("\t")[3].startswith("activations") for r in rows)
    assert oc.guess_format("x.txt", text) == "anki" and oc.guess_format("x", "question,answer\n") == "csv"
