"""The attempt services are the API the CLI and the web app share: keep it explicit and documented."""

from __future__ import annotations

import inspect

import pytest

from rounds.services import attempts, submissions

PUBLIC = [(m, name) for m in (attempts, submissions) for name in m.__all__]


def test_the_public_surface() -> None:
    assert sorted(attempts.__all__) == ["active_attempt", "attempt_documents", "attempt_status", "list_attempts",
                                        "reset_to_starter", "save_code", "show_editorial",
                                        "start_attempt", "take_hint"]
    assert sorted(submissions.__all__) == ["create_submission", "get_submission", "judge_from_queue", "judge_submission",
                                           "previous_submission", "recover_interrupted", "run_examples", "submit"]


@pytest.mark.parametrize(("module", "name"), PUBLIC, ids=[n for _, n in PUBLIC])
def test_services_are_keyword_only_documented_and_take_a_session_factory(module: object, name: str) -> None:
    fn = getattr(module, name)
    params = inspect.signature(fn).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params), name
    assert "sessions" in inspect.signature(fn).parameters
    assert fn.__doc__ and fn.__doc__.strip()
