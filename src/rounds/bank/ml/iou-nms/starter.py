import numpy as np


def box_iou(a, b):
    """Pairwise IoU of boxes in (x1, y1, x2, y2) format, continuous coordinates.

    a: (N, 4), b: (M, 4) float64 with x1 <= x2, y1 <= y2 (zero-area boxes allowed).
    Return (N, M) float64; a pair whose union is 0 has IoU 0.0.
    """
    raise NotImplementedError


def nms(boxes, scores, iou_threshold):
    """Level 2: greedy NMS. Visit boxes by score, high to low (ties: lower index first); keep a box
    unless a kept box has IoU > iou_threshold with it. Return the kept indices (list of ints) in
    the order they were kept."""
    raise NotImplementedError


def batched_nms(boxes, scores, classes, iou_threshold):
    """Level 3: NMS within each class separately (classes: (N,) int64). Return all kept indices
    sorted by score, high to low, ties by lower index."""
    raise NotImplementedError
