"""Checkers: strict about types, specific about what is wrong."""

from __future__ import annotations

import numpy as np
import torch

from rounds.judge.checkers import any_valid, exact, floats, unordered


def test_exact_tells_types_apart():
    c = exact()
    assert c([1, 2], [1, 2], ()).ok
    assert not c(1.0, 1, ()).ok
    assert not c(True, 1, ()).ok
    o = c((1, 2), [1, 2], ())
    assert not o.ok and "tuple" in o.message
    o = c([1, 2, 3], [1, 2], ())
    assert "length 3, expected length 2" in o.message
    assert not c(None, 0, ()).ok


def test_exact_message_never_contains_the_expected_value():
    o = exact()("apple", "banana-secret", ())
    assert not o.ok and "banana-secret" not in o.message


def test_unordered_and_nested():
    assert unordered()([3, 1, 2], [1, 2, 3], ()).ok
    assert not unordered()([1, 1, 2], [1, 2, 2], ()).ok
    assert unordered(nested=True)([["b", "a"], ["c"]], [["c"], ["a", "b"]], ()).ok
    assert not unordered()([["b", "a"], ["c"]], [["c"], ["a", "b"]], ()).ok


def test_floats_reports_errors_and_first_bad_index():
    e = np.zeros((2, 3))
    a = e.copy()
    a[1, 2] = 0.5
    o = floats(atol=1e-6, rtol=0)(a, e, ())
    assert not o.ok
    assert "first at index (1, 2)" in o.message and "tolerance atol=1e-06 rtol=0" in o.message
    assert "max abs error 0.5" in o.detail
    assert floats()(e + 1e-12, e, ()).ok


def test_float_messages_never_give_the_expected_value_away():
    # "got 2.6, max abs error 2.6" tells that the answer was 0.0: the error's size is open feedback only.
    o = floats(atol=1e-6, rtol=0)(2.6, 0.0, ())
    assert not o.ok and "got 2.6" in o.message and "tolerance" in o.message
    assert "error" not in o.message and "2.6" in o.detail
    o = floats()([np.zeros(3), np.array([1.0, 7.25])], [np.zeros(3), np.array([1.0, 5.0])], ())
    assert o.message.startswith("item 1: 1 of 2 values off first at index (1,) (got 7.25)")
    assert "2.25" not in o.message and "max abs error 2.25" in o.detail


def test_exact_keeps_the_keys_the_answer_lacks_for_open_feedback():
    o = exact()({"a": 1, "x": 2}, {"a": 1, "secret-key": 2, "other": 3}, ())
    assert not o.ok and "2 missing" in o.message and "'x'" in o.message
    assert "secret-key" not in o.message and "secret-key" in o.detail


def _report(message, detail, visible=False):
    from rounds.domain.verdict import LevelResult, Report, TestResult, Verdict

    t = TestResult("test 1.2", 1, Verdict.WA, message, visible=visible, expected="0.0", open_detail=detail)
    return Report("algo/x", [LevelResult(1, [t])])


def test_feedback_modes_show_the_checkers_figures_in_open_mode_only():
    from rounds.domain.feedback import apply_mode
    from rounds.domain.reports import report_from_json

    o = floats(atol=1e-6, rtol=0)(2.6, 0.0, ())
    stored = _report(o.message, o.detail).to_json()  # stored unfiltered; the mode applies on read
    assert stored["tests"][0]["open_detail"] == o.detail
    std = apply_mode(report_from_json(stored), "standard").tests[0]
    assert std.message == o.message and std.open_detail is None and std.expected is None
    assert "error" not in std.to_json()["message"] and std.to_json()["open_detail"] is None
    opened = apply_mode(report_from_json(stored), "open")
    assert opened.tests[0].message == f"{o.message} ({o.detail})"
    assert apply_mode(opened, "open").tests[0].message == f"{o.message} ({o.detail})", "applying twice is the same"
    assert apply_mode(report_from_json(stored), "blind").tests[0].message == ""
    visible = apply_mode(_report(o.message, o.detail, visible=True), "standard").tests[0]
    assert "max abs error" in visible.message


def test_floats_shape_dtype_nan_and_type():
    e = np.ones((2, 2))
    assert "shape (4,)" in floats()(np.ones(4), e, ()).message
    assert "dtype float32" in floats(dtype="float64")(np.ones((2, 2), np.float32), e, ()).message
    assert "NaN" in floats()(np.full((2, 2), np.nan), e, ()).message
    assert "expected a float" in floats()("1.0", 1.0, ()).message
    assert "torch.Tensor" in floats()(np.ones(2), torch.ones(2), ()).message
    assert floats()(torch.ones(2, dtype=torch.float64), torch.ones(2, dtype=torch.float64), ()).ok


def test_any_valid_uses_the_validator_and_survives_malformed_answers():
    def even(args, actual, ref):
        return None if actual % 2 == 0 else "odd"

    c = any_valid(even)
    assert c(4, None, ()).ok
    assert c(3, None, ()).message == "odd"
    assert "malformed answer" in c("x", None, ()).message


def test_short_is_bounded_and_never_raises():
    import collections

    from rounds.judge.checkers import safe_repr, short

    huge = 10**100_000  # str() of it raises ValueError in Python 3.11
    assert short(huge) == "<int of about 100001 digits>"
    assert "int of about" in short([huge, 1])
    deep: list = []
    for _ in range(10_000):
        deep = [deep]
    cases = [huge, deep, list(range(10**6)), {i: "v" * 1000 for i in range(10**5)}, "x" * 10**7,
             b"y" * 10**7, np.zeros((1000, 1000)), torch.zeros(10**6), [np.arange(10**6)] * 10**4,
             collections.deque(range(10**6)), {frozenset(range(10**5))}]
    for v in cases:
        s = short(v, 120)
        assert len(s) <= 120, s

    class Broken:
        def __repr__(self):
            raise RuntimeError("no")

    assert "repr failed" in safe_repr(Broken())
    assert short([1, (2,), {3: "a"}, set(), 1.5, None]) == "[1, (2,), {3: 'a'}, set(), 1.5, None]"


def test_checker_messages_survive_values_that_cannot_be_printed():
    huge = 10**100_000
    o = exact()(huge, 3, ())
    assert not o.ok and "int of about" in o.message
    o = exact()({huge: 1}, {huge: 2}, ())
    assert not o.ok
    assert not unordered()([huge], [1], ()).ok
    o = floats()([1.0, 10**400], [1.0, 2.0], ())
    assert not o.ok and "too large for a float" in o.message


def test_changed_input_finds_the_first_argument_the_call_changed():
    from rounds.judge.checkers import changed_input

    x = np.array([1.0, np.nan, 3.0])
    assert changed_input([x, [3, 1, 2], {"a": 1}], [x.copy(), [3, 1, 2], {"a": 1}]) is None  # NaN stays NaN
    assert changed_input([x, [3, 1, 2]], [x.copy(), [1, 2, 3]]) == 1  # a sorted list is a changed list
    assert changed_input([x], [x.astype(np.float32)]) == 0  # a new dtype is a change
    assert changed_input([x], [x[:2]]) == 0
    t = torch.tensor([1.0, 2.0], dtype=torch.float64)
    assert changed_input([t, 2.5], [t.clone(), 2.5]) is None
    assert changed_input([t], [t * 0.5]) == 0
    assert changed_input([[[1, 2], [3, 4]]], [[[1, 2], [3, 5]]]) == 0
    assert changed_input([float("nan")], [float("nan")]) is None


def test_same_run_names_the_first_step_off_the_reference_run_and_hides_its_value():
    from rounds.judge.checkers import same_run

    ref = [1.0, 0.8, 0.6, 0.5]
    out = np.array([[1.0, -2.0], [0.5, 3.0]])
    assert same_run([x + 1e-6 for x in ref], ref, out + 1e-6, out).ok
    o = same_run([1.0, 0.8, 0.7, 0.5], ref, out, out)
    assert not o.ok and "step 3" in o.message and "0.6" not in o.message and "0.6" in o.detail
    o = same_run(ref, ref, out * 1.1, out, out_name="test_logits")
    assert not o.ok and o.message.startswith("test_logits differ")


def test_a_cases_hint_is_shown_in_open_mode_only_and_survives_storage():
    from rounds.content.testkit import Call
    from rounds.domain.feedback import apply_mode
    from rounds.domain.reports import report_from_json
    from rounds.domain.verdict import Verdict
    from rounds.judge.graders.base import with_hint

    case = Call((1,), note="logits of magnitude 1e4", hint="subtract the max first")
    rep = _report("3 NaN values [logits of magnitude 1e4]", "")
    with_hint(rep.tests[0], case)
    stored = rep.to_json()
    assert stored["tests"][0]["hint"] == "subtract the max first"
    std = apply_mode(report_from_json(stored), "standard").tests[0]
    assert "subtract" not in std.message and std.hint is None and "1e4" in std.message
    opened = apply_mode(report_from_json(stored), "open")
    assert opened.tests[0].message.endswith("Hint: subtract the max first")
    assert apply_mode(opened, "open").tests[0].message.count("Hint:") == 1, "applying twice is the same"
    assert apply_mode(report_from_json(stored), "blind").tests[0].message == ""
    visible = _report("wrong", "", visible=True)
    with_hint(visible.tests[0], case)
    assert "Hint" not in apply_mode(visible, "standard").tests[0].message, "an example's hint is open mode only too"
    passed = _report("", "")
    passed.tests[0].verdict = Verdict.AC
    assert with_hint(passed.tests[0], case).hint is None
