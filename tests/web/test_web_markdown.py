"""Markdown rendering of statements: maths kept for KaTeX, everything sanitised."""

from __future__ import annotations

from rounds.web.markdown import render


def test_maths_is_kept_out_of_markdown() -> None:
    html = render("Let $x_i$ and $y_i$ be *scores*: $$\\sum_i x_i^2$$")
    assert '<span class="math">x_i</span>' in html
    assert '<span class="math math-display">\\sum_i x_i^2</span>' in html
    assert "<em>scores</em>" in html


def test_money_is_not_maths() -> None:
    html = render("It costs $5 and $10.")
    assert "math" not in html and "$5 and $10" in html


def test_maths_in_code_stays_code() -> None:
    assert "<code>$x_1$</code>" in render("`$x_1$`")


def test_raw_html_and_script_links_are_neutralised() -> None:
    html = render('<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1))')
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript' not in html


def test_tex_is_escaped() -> None:
    html = render("$a < b$")
    assert '<span class="math">a &lt; b</span>' in html


def test_tables_render() -> None:
    html = render("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<table>" in html and "<td>1</td>" in html
