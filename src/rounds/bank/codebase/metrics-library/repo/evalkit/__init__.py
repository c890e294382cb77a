"""evalkit: the offline metrics every model review reports.

Classification (precision, recall, F1 from a confusion matrix), ranking (precision@k, recall@k,
NDCG@k), calibration (expected calibration error) and ROC AUC, plus the per-segment breakdowns the
review tables need. Pure Python, so it runs anywhere the evaluation job does.
"""

from evalkit.aggregate import by_segment, macro_average
from evalkit.auc import roc_auc
from evalkit.calibration import expected_calibration_error
from evalkit.confusion import Confusion, confusion
from evalkit.ranking import ndcg_at_k, precision_at_k, recall_at_k
from evalkit.report import review_table

__all__ = ["Confusion", "by_segment", "confusion", "expected_calibration_error", "macro_average", "ndcg_at_k",
           "precision_at_k", "recall_at_k", "review_table", "roc_auc"]
