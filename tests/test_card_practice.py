"""Card practice services: grading, FSRS scheduling from the review log, the queue, the phone screen."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from rounds.content.cards import bank, render
from rounds.services import card_practice as cp
from rounds.services.errors import InvalidInput
from rounds.storage import repositories as repo
from rounds.storage.db import Database
from rounds.storage.models import CardReview, CardSession, CardState

COMPUTED = "activations/softmax-entry"
CHOICE = "activations/why-nonlinearity"  # option a is the answer
OPEN = "activations/relu-family"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _right(card_id: str, seed: int) -> str:
    return f"{render(bank().get(card_id), seed).answer:.6f}"


def test_grading_maps_machine_results_to_the_ratings_allowed() -> None:
    b = bank()
    right = cp.grade(b.get(COMPUTED), 7, _right(COMPUTED, 7), b)
    assert right.outcome == "correct" and right.allowed == (2, 3, 4) and right.suggested == 3
    wrong = cp.grade(b.get(COMPUTED), 7, "123456", b)
    assert wrong.outcome == "wrong" and wrong.allowed == (1,)
    assert cp.grade(b.get(COMPUTED), 7, "lots", b).outcome == "unreadable"
    assert cp.grade(b.get(CHOICE), None, "a", b).outcome == "correct"
    picked_wrong = cp.grade(b.get(CHOICE), None, "b", b)
    assert picked_wrong.outcome == "wrong" and picked_wrong.reasons and picked_wrong.allowed == (1,)
    assert cp.grade(b.get(CHOICE), None, "z", b).outcome == "unreadable"
    typed = cp.grade(b.get(OPEN), None, "ReLU does not saturate for positive inputs, so gradients flow", b)
    assert typed.outcome == "self" and typed.allowed == (1, 2, 3, 4) and typed.hint is not None
    assert "not a grade" in typed.hint.label


@pytest.mark.parametrize("card_id", [COMPUTED, CHOICE, OPEN])
def test_an_empty_answer_is_i_dont_know_graded_again(db: Database, card_id: str) -> None:
    b = bank()
    g = cp.grade(b.get(card_id), 3, "   ", b)
    assert g.outcome == "skipped" and g.allowed == (1,)
    rec = cp.review(sessions=db.sessions, bank=b, card_id=card_id, seed=3, answer="", rating=None, now=T0)
    assert rec.rating == 1 and rec.outcome == "skipped"
    with pytest.raises(InvalidInput, match="Again"):
        cp.review(sessions=db.sessions, bank=b, card_id=card_id, seed=3, answer="", rating=3, now=T0)


def test_a_wrong_number_cannot_be_graded_good(db: Database) -> None:
    with pytest.raises(InvalidInput, match="wrong"):
        cp.review(sessions=db.sessions, bank=bank(), card_id=COMPUTED, seed=1, answer="99", rating=3, now=T0)


def test_the_review_log_keeps_seed_answer_and_time(db: Database) -> None:
    b = bank()
    cp.review(sessions=db.sessions, bank=b, card_id=COMPUTED, seed=11, answer=_right(COMPUTED, 11), rating=4,
              elapsed_s=12.5, now=T0)
    with db.sessions() as s:
        row = s.scalars(select(CardReview)).one()
    assert (row.card_id, row.rating, row.outcome, row.seed, row.elapsed_s) == (COMPUTED, 4, "correct", 11, 12.5)
    assert row.answer == _right(COMPUTED, 11) and row.reviewed_at == T0 and row.retention == 0.9


def test_replaying_the_log_gives_the_stored_state(db: Database) -> None:
    b = bank()
    cp.save_card_settings(sessions=db.sessions, retention=0.85, new_per_day=10)
    plan = [(OPEN, 3, "x"), (OPEN, 1, "y"), (OPEN, 3, "z"), (OPEN, 2, "w"), (OPEN, 4, "v")]
    t = T0
    for n, (cid, rating, ans) in enumerate(plan):
        if n == 3:  # the user changes the target halfway: the log remembers which one each review used
            cp.save_card_settings(sessions=db.sessions, retention=0.93, new_per_day=10)
        cp.review(sessions=db.sessions, bank=b, card_id=cid, seed=None, answer=ans, rating=rating, now=t)
        t += timedelta(days=n + 1, hours=3)
    stored = cp.stored_state(sessions=db.sessions, card_id=OPEN)
    again = cp.replay(sessions=db.sessions, card_id=OPEN)
    assert stored is not None and again is not None
    for attr in ("state", "step", "stability", "difficulty", "due", "last_review"):
        assert getattr(stored, attr) == getattr(again, attr), attr
    assert cp.replay(sessions=db.sessions, card_id=COMPUTED) is None


def test_next_intervals_grow_with_the_grade_and_match_what_is_scheduled(db: Database) -> None:
    shown = cp.next_intervals(sessions=db.sessions, card_id=OPEN, now=T0)
    assert list(shown) == [1, 2, 3, 4] and shown[1] == "1m" and shown[4].endswith("d")
    rec = cp.review(sessions=db.sessions, bank=bank(), card_id=OPEN, seed=None, answer="relu", rating=4, now=T0)
    assert rec.interval == shown[4]


def test_desired_retention_is_a_user_setting_that_moves_the_intervals(db: Database) -> None:
    with pytest.raises(InvalidInput, match="retention"):
        cp.save_card_settings(sessions=db.sessions, retention=0.5, new_per_day=10)
    b = bank()
    for cid in (OPEN, CHOICE):
        cp.review(sessions=db.sessions, bank=b, card_id=cid, seed=None, answer="a", rating=3, now=T0)
    later = T0 + timedelta(days=1)
    cp.save_card_settings(sessions=db.sessions, retention=0.8, new_per_day=10)
    loose = cp.review(sessions=db.sessions, bank=b, card_id=OPEN, seed=None, answer="a", rating=3, now=later)
    cp.save_card_settings(sessions=db.sessions, retention=0.97, new_per_day=10)
    strict = cp.review(sessions=db.sessions, bank=b, card_id=CHOICE, seed=None, answer="a", rating=3, now=later)
    assert strict.due < loose.due


def test_queue_due_first_then_new_cards_up_to_the_daily_limit(db: Database) -> None:
    b = bank()
    cp.save_card_settings(sessions=db.sessions, retention=0.9, new_per_day=3)
    q = cp.queue(sessions=db.sessions, bank=b, decks=["activations", "losses"], now=T0)
    assert q.due == [] and len(q.new) == 3
    assert {c.split("/")[0] for c in q.new} == {"activations", "losses"}  # decks interleaved
    first = q.new[0]
    cp.review(sessions=db.sessions, bank=b, card_id=first, seed=1, answer="", rating=None, now=T0)
    q2 = cp.queue(sessions=db.sessions, bank=b, decks=["activations", "losses"], now=T0 + timedelta(minutes=2))
    assert q2.due == [first] and len(q2.new) == 2 and first not in q2.new
    assert len(cp.queue(sessions=db.sessions, bank=b, decks=["losses"], new=7, now=T0).new) == 7
    assert cp.queue(sessions=db.sessions, bank=b, now=T0 + timedelta(days=1)).new_today == 0
    with pytest.raises(InvalidInput, match="no deck"):
        cp.queue(sessions=db.sessions, bank=b, decks=["nope"], now=T0)


def test_progress_reports_retention_weakest_decks_and_a_forecast(db: Database) -> None:
    b = bank()
    for n, card in enumerate(b.decks["losses"].cards[:4]):
        cp.review(sessions=db.sessions, bank=b, card_id=card.id, seed=n, answer="", rating=None, now=T0)
    for card in [c for c in b.decks["cnns"].cards if c.kind == "open"][:3]:
        if card.kind == "open":
            cp.review(sessions=db.sessions, bank=b, card_id=card.id, seed=None, answer="x", rating=3, now=T0)
    p = cp.progress(sessions=db.sessions, bank=b, now=T0 + timedelta(minutes=30))
    losses = next(d for d in p.decks if d.deck == "losses")
    assert losses.reviews == 4 and losses.retention == 0.0 and losses.due_now == 4
    assert p.weakest[0].deck == "losses"
    cnns = next(d for d in p.decks if d.deck == "cnns")
    assert cnns.seen >= 1 and cnns.retention == 1.0
    assert len(p.forecast) == 7 and p.forecast[0] == ("2026-03-02", 4 + cnns.seen)  # learning steps: due today
    assert p.forecast[-1][0] == "2026-03-08" and p.reviews == 4 + cnns.seen


def _screen(db: Database, decks: list[str] | None = None) -> int:
    return int(cp.start_screen(sessions=db.sessions, bank=bank(), decks=decks or ["activations"], now=T0,
                               rng=random.Random(5)))


def _answer_well(view: cp.ScreenView) -> str:
    p = view.current.prompt if view.current else None
    assert p is not None
    if p.kind == "computed":
        assert p.seed is not None
        return _right(p.card_id, p.seed)
    if p.kind == "choice":
        card = bank().get(p.card_id)
        return ",".join(chr(ord("a") + i) for i, o in enumerate(card.options) if o.correct)
    return "an answer in my own words"


def test_a_phone_screen_five_questions_then_the_reveal_and_a_passing_verdict(db: Database) -> None:
    b = bank()
    sid = _screen(db, ["activations", "losses", "transformers"])
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=T0)
    assert view.phase == "question" and view.questions == 5 and view.remaining_s == 300
    assert len({i.prompt.card_id for i in view.items}) == 5
    assert {i.prompt.deck for i in view.items} == {"activations", "losses", "transformers"}
    t = T0
    for n in range(5):
        t += timedelta(seconds=40)
        view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=t)
        assert view.current is not None and view.current.index == n
        cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=n, answer=_answer_well(view), now=t)
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=t)
    assert view.phase == "reveal" and all(i.graded is not None for i in view.items)
    done = cp.grade_screen(sessions=db.sessions, bank=b, session_id=sid, ratings={n: 3 for n in range(5)}, now=t)
    assert done.phase == "done" and done.verdict == "pass" and done.passed == 5
    with db.sessions() as s:
        assert len(s.scalars(select(CardReview).where(CardReview.session_id == sid)).all()) == 5
        assert len(s.scalars(select(CardState)).all()) == 5


def test_the_screen_clock_does_not_pause_late_answers_are_unanswered_and_two_misses_fail(db: Database) -> None:
    b = bank()
    sid = _screen(db)
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=T0)
    cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=0, answer=_answer_well(view),
                     now=T0 + timedelta(seconds=30))
    with pytest.raises(InvalidInput, match="not the one on screen"):
        cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=3, answer="x",
                         now=T0 + timedelta(seconds=40))
    late = T0 + timedelta(minutes=5, seconds=1)
    msg = cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=1, answer="too late", now=late)
    assert "time was up" in msg
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=late)
    assert view.phase == "reveal" and [i.status for i in view.items] == ["answered"] + ["unanswered"] * 4
    assert view.items[1].answer == "" and view.remaining_s == 0
    if view.items[0].graded and view.items[0].graded.outcome == "self":
        with pytest.raises(InvalidInput, match="yourself"):
            cp.grade_screen(sessions=db.sessions, bank=b, session_id=sid, ratings={}, now=late)
    done = cp.grade_screen(sessions=db.sessions, bank=b, session_id=sid, ratings={0: 3, 1: 4}, now=late)
    assert done.verdict == "fail" and done.passed == 1 and done.misses == 4
    assert [i.rating for i in done.items] == [3, 1, 1, 1, 1]  # Easy on an unanswered question is not taken
    with db.sessions() as s:  # the questions never shown are not reviews of their cards
        logged = s.scalars(select(CardReview).where(CardReview.session_id == sid)).all()
        assert [r.outcome for r in logged][1:] == ["unanswered"]


def test_an_unreadable_number_in_a_screen_is_asked_again(db: Database) -> None:
    b = bank()
    for n in range(100):
        sid = cp.start_screen(sessions=db.sessions, bank=b, decks=["llm"], now=T0, rng=random.Random(n))
        view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=T0)
        if view.items[0].prompt.kind == "computed":
            break
    else:
        raise AssertionError("no draw opened with a computed card")
    with pytest.raises(InvalidInput, match="not a number"):
        cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=0, answer="about ten", now=T0)
    again = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=T0)
    assert again.current is not None and again.current.index == 0 and again.current.status == "pending"


def test_an_onsite_round_asks_each_follow_up_and_drills_into_linked_cards(db: Database) -> None:
    b = bank()
    sid = cp.start_screen(sessions=db.sessions, bank=b, decks=["transformers", "llm"], kind="onsite", now=T0,
                          rng=random.Random(2))
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=T0)
    assert view.kind == "onsite" and view.title == "Onsite round" and view.questions == 10
    assert view.remaining_s == 45 * 60
    ids = [i.prompt.card_id for i in view.items]
    assert len(set(ids)) == 10
    links = sum(ids[n + 1] in b.get(ids[n]).links for n in range(9))
    assert links >= 1  # the round follows the links between cards where it can
    t = T0 + timedelta(minutes=1)
    first = view.items[0]
    cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=0, answer=_answer_well(view), now=t)
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=t)
    assert view.current is not None and view.current.index == 0 and view.current.status == "followup"
    assert view.current.followup == b.get(first.prompt.card_id).deeper
    cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=0, answer="my follow-up answer", now=t)
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=t)
    assert view.current is not None and view.current.index == 1 and view.current.status == "pending"
    cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=1, answer=_answer_well(view), now=t)
    stopped = cp.stop_screen(sessions=db.sessions, bank=b, session_id=sid, now=t)  # stops during a follow-up
    assert stopped.phase == "reveal"
    assert [i.status for i in stopped.items][:3] == ["answered", "answered", "unanswered"]
    assert stopped.items[0].followup_answer == "my follow-up answer"
    ratings = {n: 3 for n in (0, 1) if stopped.items[n].graded and len(stopped.items[n].graded.allowed) > 1}
    done = cp.grade_screen(sessions=db.sessions, bank=b, session_id=sid, ratings=ratings, now=t)
    assert done.verdict == "fail" and done.passed == 2  # 2 of 10: an onsite needs three in four


def test_an_onsite_round_with_three_in_four_passes(db: Database) -> None:
    b = bank()
    sid = cp.start_screen(sessions=db.sessions, bank=b, decks=["probability"], kind="onsite", questions=4, now=T0,
                          rng=random.Random(4))
    t = T0
    for _ in range(8):
        view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=t)
        if view.current is None:
            break
        idx = view.current.index
        text = "" if idx == 3 else (_answer_well(view) if view.current.status == "pending" else "a follow-up")
        cp.answer_screen(sessions=db.sessions, bank=b, session_id=sid, index=idx, answer=text, now=t)
    view = cp.screen(sessions=db.sessions, bank=b, session_id=sid, now=t)
    assert view.phase == "reveal"
    ratings = {i.index: 3 for i in view.items if i.graded and i.graded.outcome == "self"}
    done = cp.grade_screen(sessions=db.sessions, bank=b, session_id=sid, ratings=ratings, now=t)
    assert done.passed == 3 and done.verdict == "pass"


def test_the_same_grade_sent_twice_is_recorded_once(db: Database) -> None:
    b = bank()
    first = cp.review(sessions=db.sessions, bank=b, card_id=OPEN, seed=None, answer="x", rating=3, now=T0)
    again = cp.review(sessions=db.sessions, bank=b, card_id=OPEN, seed=None, answer="x", rating=3,
                      now=T0 + timedelta(seconds=1))
    assert again.due == first.due
    later = cp.review(sessions=db.sessions, bank=b, card_id=OPEN, seed=None, answer="x", rating=3,
                      now=T0 + timedelta(minutes=11))
    assert later.due > first.due
    with db.sessions() as s:
        assert len(s.scalars(select(CardReview)).all()) == 2


def test_the_reveal_names_the_cards_this_one_connects_to() -> None:
    b = bank()
    card = next(c for c in b.cards.values() if c.kind == "open" and c.links)
    g = cp.grade(card, None, "something", b)
    assert [cid for cid, _ in g.related] == [c for c in card.links if c in b.cards]
    computed = next(c for c in b.cards.values() if c.kind == "computed" and c.links)
    for _cid, question in cp.grade(computed, 1, "1", b).related:
        assert not re.search(r"\{[a-z_][a-z0-9_]*\}", question), question  # template fields shown as …


def test_the_queue_can_keep_one_tag_across_decks(db: Database) -> None:
    b = bank()
    q = cp.queue(sessions=db.sessions, bank=b, tag="Attention", new=50, now=T0)
    assert q.new and all("attention" in b.get(c).tags for c in q.new)
    assert len({b.get(c).deck for c in q.new}) > 1
    cp.review(sessions=db.sessions, bank=b, card_id=q.new[0], seed=1, answer="", rating=None, now=T0)
    later = cp.queue(sessions=db.sessions, bank=b, tag="attention", new=0, now=T0 + timedelta(minutes=5))
    assert later.due == [q.new[0]]
    assert cp.queue(sessions=db.sessions, bank=b, tag="no-such-tag", now=T0).cards == []


def test_rebuild_rewrites_the_schedule_from_the_log_and_history_redraws_the_question(db: Database) -> None:
    b = bank()
    for n, r in enumerate((1, 3, 3, 1, 3)):
        cp.review(sessions=db.sessions, bank=b, card_id=COMPUTED, seed=100 + n,
                  answer="" if r == 1 else _right(COMPUTED, 100 + n), rating=r, now=T0 + timedelta(days=3 * n))
    cp.review(sessions=db.sessions, bank=b, card_id=OPEN, seed=None, answer="x", rating=4, now=T0)
    assert cp.rebuild(sessions=db.sessions) == (2, 0)  # the stored schedule is what the log gives
    with db.sessions.begin() as s:
        st = s.scalars(select(CardState).where(CardState.card_id == COMPUTED)).one()
        st.stability, st.due, st.reps = 999.0, T0, 1  # damage it
        assert st.lapses == 1  # the second Again came after the card had graduated
    assert cp.rebuild(sessions=db.sessions) == (2, 1)
    again = cp.stored_state(sessions=db.sessions, card_id=COMPUTED)
    replayed = cp.replay(sessions=db.sessions, card_id=COMPUTED)
    assert again is not None and replayed is not None and again.stability == replayed.stability
    rows = cp.history(sessions=db.sessions, bank=b, card_id=COMPUTED)
    assert [r.rating for r in rows] == [1, 3, 3, 1, 3] and rows[0].answer == ""
    assert rows[2].question == render(b.get(COMPUTED), 102).question  # the draw shown then, from its seed


def test_a_loop_screen_draws_due_cards_then_unseen_ones_first(db: Database) -> None:
    """With due_first (a mock loop's phone screen), a deck's due cards come first, then cards never
    reviewed, and cards reviewed and not yet due last."""
    b = bank()
    cards = [c for c in b.decks["activations"].cards if c.kind == "open"]
    due, fresh = cards[:2], cards[2:4]
    for c in due:  # Again: due again within minutes
        cp.review(sessions=db.sessions, bank=b, card_id=c.id, seed=None, answer="", rating=1, now=T0)
    later = [c for c in b.decks["activations"].cards if c not in due]
    with db.sessions.begin() as s:  # reviewed well: not due for ten days; two cards stay unseen
        uid = repo.local_user_id(s)
        for c in later[: len(later) - 2]:
            s.add(CardState(user_id=uid, card_id=c.id, state=2, step=None, stability=10.0, difficulty=5.0,
                            due=T0 + timedelta(days=10), last_review=T0, first_review=T0, reps=1))
    unseen = {c.id for c in later[len(later) - 2:]}
    sid = cp.start_screen(sessions=db.sessions, bank=b, decks=["activations"], now=T0 + timedelta(hours=1),
                          rng=random.Random(1), questions=4, due_first=True)
    with db.sessions.begin() as s:
        drawn = [it["card_id"] for it in s.get(CardSession, sid).items]
    assert set(drawn[:2]) == {c.id for c in due} and set(drawn[2:]) == unseen, (drawn, fresh)
