"""The review table: one row per segment, then the macro average, as plain text for the review doc."""

from __future__ import annotations

from collections.abc import Sequence

from evalkit.aggregate import by_segment, macro_average
from evalkit.auc import roc_auc
from evalkit.confusion import Confusion

COLUMNS = ("segment", "n", "precision", "recall", "f1")


def _row(name: str, c: Confusion) -> list[str]:
    n = c.tp + c.fp + c.fn + c.tn
    return [name, str(n), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]


def review_table(segments: Sequence[str], labels: Sequence[int], scores: Sequence[float],
                 threshold: float = 0.5) -> str:
    """Rows per segment (sorted), a macro row, and the overall AUC under the table.

    A prediction is positive when its score is at least ``threshold``.
    """
    predictions = [1 if s >= threshold else 0 for s in scores]
    per = by_segment(segments, labels, predictions)
    rows = [_row(name, c) for name, c in per.items()]
    rows.append(["macro", str(len(labels)), f"{macro_average(per, lambda c: c.precision):.3f}",
                 f"{macro_average(per, lambda c: c.recall):.3f}", f"{macro_average(per, lambda c: c.f1):.3f}"])
    widths = [max(len(r[i]) for r in [list(COLUMNS), *rows]) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(COLUMNS, widths)).rstrip()]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    try:
        lines.append(f"AUC {roc_auc(scores, labels):.3f}")
    except ValueError as exc:  # a review set with one class only
        lines.append(f"AUC n/a ({exc})")
    return "\n".join(lines)
