"""One vocabulary for the catalog: round names, tags and companies, enforced by `rounds validate`."""

from __future__ import annotations

import dataclasses

from rounds.content import vocabulary
from rounds.content.catalog import catalog
from rounds.content.validate import check_metadata


def test_every_bundled_problem_speaks_the_vocabulary() -> None:
    problems = [p for p in catalog() if vocabulary._inside(p.root, vocabulary.bank_root())]
    assert len(problems) > 100
    for p in problems:
        assert vocabulary.check(p) == [], p.id
    tags = {t for p in problems for t in p.tags}
    companies = {c for p in problems for c in p.companies}
    assert not tags & set(vocabulary.TAG_ALIASES) and not companies & set(vocabulary.COMPANY_ALIASES)
    for a, b in [("backprop", "backpropagation"), ("prefix-sum", "prefix-sums"), ("linked-list", "linked-lists"),
                 ("optimizer", "optimizers")]:
        assert a in vocabulary.TAGS and b not in tags
    assert "NVIDIA" in companies and "Nvidia" not in companies and "Mistral AI" not in companies


def test_validate_refuses_a_tag_or_company_outside_the_vocabulary() -> None:
    p = catalog().get("ml/autograd-engine")
    odd = dataclasses.replace(p, tags=[*p.tags, "backpropagation", "made-up-pattern"], companies=["Nvidia"])
    failures = check_metadata(odd)
    assert any("'backpropagation' is spelled 'backprop'" in f for f in failures), failures
    assert any("'made-up-pattern' is not in the vocabulary" in f for f in failures)
    assert any("'Nvidia' is spelled 'NVIDIA'" in f for f in failures)


def test_filters_accept_any_spelling_and_rounds_have_names() -> None:
    cat = catalog()
    assert {p.id for p in cat.filter(tag="backpropagation")} == {p.id for p in cat.filter(tag="backprop")} != set()
    assert {p.id for p in cat.filter(company="Nvidia")} == {p.id for p in cat.filter(company="NVIDIA")} != set()
    assert [vocabulary.round_name(t) for t in ("oop", "ml", "algo")] == ["OOP systems", "ML coding", "Algorithms"]


def test_the_scaling_and_post_training_topics_have_tags_and_problems() -> None:
    cat = catalog()
    expect = {
        "distributed": {"ml/ring-all-reduce", "ml/zero-sharded-adam", "ml/tensor-parallel-mlp", "ml/pipeline-schedule"},
        "data-parallel": {"ml/ddp-gradient-buckets", "ml/distributed-sampler", "ml/zero-sharded-adam"},
        "quantization": {"ml/int8-quantization", "ml/int4-group-quantization"},
        "mixed-precision": {"ml/dynamic-loss-scaling", "ml/bfloat16-rounding"},
        "rlhf": {"ml/dpo-loss", "ml/ppo-grpo-loss", "ml/rlhf-rewards-gae"},
    }
    for tag, ids in expect.items():
        assert tag in vocabulary.TAGS
        assert ids <= {p.id for p in cat.filter(tag=tag)}, tag
    assert {p.id for p in cat.filter(tag="quantisation")} == {p.id for p in cat.filter(tag="quantization")}
