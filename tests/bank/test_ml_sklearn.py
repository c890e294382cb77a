"""The scikit-learn fluency set: packages are complete, and each reference agrees with a second
solution written another way (by hand in NumPy, another solver, another column layout), within the
tolerance its statement gives. That agreement is what makes "exact-enough expected values" fair to
a candidate who follows the contract by another route.

These checks run on the host without a sandbox; `rounds validate` does the judging.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from rounds.content.package import load_problem
from rounds.content.testkit import Call

ML = Path(__file__).resolve().parents[2] / "src" / "rounds" / "bank" / "ml"
SLUGS = ["sklearn-leak-free-cv", "sklearn-imbalanced-metric", "sklearn-pipeline-columns"]


def _cases(problem, seeds=(0, 1)):
    out = list(problem.examples(1))
    for s in seeds:
        out += problem.hidden(1, s)
    return out


def _reference(problem):
    return getattr(problem.reference, problem.entry)


@pytest.mark.parametrize("slug", SLUGS)
def test_metadata_and_texts_are_complete(slug):
    p = load_problem(ML / slug)
    assert p.track == "ml" and p.runtime == "sklearn" and p.grader == "function"
    assert "scikit-learn" in p.tags and p.companies
    assert len(p.mutants()) >= 5
    assert "## Contract" in p.levels[0].statement and "tolerance" in p.levels[0].statement.lower()
    for section in ("## Approach", "## Traps", "## Complexity", "## Follow-ups"):
        assert section in p.editorial, section
    assert p.tests.inputs_unchanged is True
    cases = p.hidden(1, 3)
    assert 5 <= len(cases) <= 40 and all(isinstance(c, Call) and c.note for c in cases)
    assert [repr(c.args)[:300] for c in cases] == [repr(c.args)[:300] for c in p.hidden(1, 3)]


def test_leak_free_cv_matches_standardising_and_solving_ridge_by_hand():
    p = load_problem(ML / "sklearn-leak-free-cv")
    for case in _cases(p):
        X, y, alpha, k, seed = case.args
        want = []
        for train, val in KFold(k, shuffle=True, random_state=seed).split(X):
            mu, sd = X[train].mean(0), X[train].std(0)
            sd[sd == 0] = 1.0
            a, b = (X[train] - mu) / sd, (X[val] - mu) / sd
            ym = y[train].mean()
            w = np.linalg.solve(a.T @ a + alpha * np.eye(a.shape[1]), a.T @ (y[train] - ym))
            pred = b @ w + ym
            want.append(1 - ((y[val] - pred) ** 2).sum() / ((y[val] - y[val].mean()) ** 2).sum())
        got = _reference(p)(*case.args)
        assert got.dtype == np.float64 and got.shape == (k,)
        np.testing.assert_allclose(got, want, atol=1e-9, rtol=1e-7, err_msg=case.note)


def _f1(y, flagged):
    tp, fp, fn = np.sum(flagged & (y == 1)), np.sum(flagged & (y == 0)), np.sum(~flagged & (y == 1))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_imbalanced_metric_matches_the_definitions_and_another_solver():
    p = load_problem(ML / "sklearn-imbalanced-metric")
    for case in _cases(p):
        X_train, y_train, X_val, y_val, X_test, y_test, C = case.args
        mu, sd = X_train.mean(0), X_train.std(0)
        clf = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-10, max_iter=1000)
        clf.fit((X_train - mu) / sd, y_train)
        s_val = clf.predict_proba((X_val - mu) / sd)[:, 1]
        s_test = clf.predict_proba((X_test - mu) / sd)[:, 1]
        # AP by its definition: precision at every positive, ranked from the top, averaged.
        order = np.argsort(-s_val)
        hits = y_val[order] == 1
        ap = float(np.mean((np.cumsum(hits) / np.arange(1, len(hits) + 1))[hits]))
        # The threshold: every distinct score tried with ">=", the largest of the F1 ties kept.
        candidates = np.unique(s_val)[::-1]
        f1 = np.array([_f1(y_val, s_val >= t) for t in candidates])
        t = float(candidates[np.flatnonzero(f1 >= f1.max() - 1e-12)[0]])
        got = _reference(p)(*case.args)
        assert type(got) is tuple and all(type(v) is float for v in got)
        assert p.tests.checker(got, (ap, t, _f1(y_test, s_test >= t)), case.args).ok, case.note or case.name


def test_pipeline_columns_matches_a_hand_made_design_matrix():
    p = load_problem(ML / "sklearn-pipeline-columns")
    for case in _cases(p):
        X_train, y_train, X_test, cat_cols, C = case.args
        num = [j for j in range(X_train.shape[1]) if j not in cat_cols]
        mu, sd = X_train[:, num].mean(0), X_train[:, num].std(0)

        def design(X, mu=mu, sd=sd, num=num, cat_cols=cat_cols, X_train=X_train):
            blocks = [(X[:, num] - mu) / sd]
            for j in reversed(cat_cols):  # another column order: the same fitted model
                seen = np.unique(X_train[:, j])
                blocks.append((X[:, j][:, None] == seen[None, :]).astype(np.float64))  # unseen: all zero
            return np.hstack(blocks)

        clf = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-10, max_iter=1000)
        want = clf.fit(design(X_train), y_train).predict_proba(design(X_test))[:, 1]
        got = _reference(p)(*case.args)
        assert p.default_checker(got, want, case.args).ok, case.note or case.name
