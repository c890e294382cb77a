import numpy as np


def classification_report(y_true, y_pred, num_classes):
    """Confusion matrix and per-class precision, recall and F1 for single-label classification.

    y_true, y_pred: (N,) int64 in [0, num_classes). Return a dict: "confusion" (C, C) int64 with
    rows = true class, columns = predicted class; "precision", "recall", "f1" (C,) float64, where
    any 0 / 0 counts as 0.0; "macro_f1" (mean of the C per-class F1 values) and "micro_f1", floats.
    """
    raise NotImplementedError


def average_precision(y_true, scores):
    """Level 2: AP = sum over distinct score thresholds, high to low, of (R_k - R_{k-1}) * P_k.

    y_true (N,) int64 in {0, 1} with at least one 1; scores (N,) float64. Tied scores enter together.
    """
    raise NotImplementedError


def expected_calibration_error(probs, labels, n_bins):
    """Level 3: ECE with n_bins equal-width confidence bins [b/M, (b+1)/M) (1.0 goes to the last bin).

    probs (N, C) float64 rows summing to 1; labels (N,) int64. confidence = max prob, prediction =
    argmax (ties: lowest index). ECE = sum_b (n_b / N) |accuracy_b - mean confidence_b|.
    """
    raise NotImplementedError
