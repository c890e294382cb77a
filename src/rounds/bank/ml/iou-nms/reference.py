import numpy as np


def _area(b):
    return np.maximum(b[:, 2] - b[:, 0], 0.0) * np.maximum(b[:, 3] - b[:, 1], 0.0)


def box_iou(a, b):
    lt = np.maximum(a[:, None, :2], b[None, :, :2])  # top-left of the intersection
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])  # bottom-right
    wh = np.maximum(rb - lt, 0.0)  # no overlap -> 0, never a product of two negatives
    inter = wh[..., 0] * wh[..., 1]
    union = _area(a)[:, None] + _area(b)[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")  # highest score first; ties -> lower index
    iou = box_iou(boxes, boxes)
    suppressed = np.zeros(len(boxes), dtype=bool)
    keep = []
    for i in order:
        if suppressed[i]:
            continue
        keep.append(int(i))
        suppressed |= iou[i] > iou_threshold  # strictly greater
    return keep


def batched_nms(boxes, scores, classes, iou_threshold):
    keep = []
    for c in np.unique(classes):
        idx = np.flatnonzero(classes == c)
        keep.extend(int(idx[k]) for k in nms(boxes[idx], scores[idx], iou_threshold))
    keep.sort(key=lambda i: (-scores[i], i))  # all kept boxes by score, ties -> lower index
    return keep
