"""IoU, NMS and per-class NMS. IoU to float64 tolerance; kept indices exactly.

The project's tests compare the reference with a loop over pairs of boxes and a naive NMS. Cases
include touching and nested boxes, zero-area boxes, an IoU exactly equal to the threshold, score
ties, suppression chains (a suppressed box must not suppress others) and classes whose boxes
overlap each other.
"""

import numpy as np

from rounds.testkit import Call, exact, floats

inputs_unchanged = True
checker = floats(atol=1e-12, rtol=1e-9, dtype="float64")


def _boxes(g, n, span=100.0, size=20.0):
    xy = g.uniform(0, span, size=(n, 2))
    wh = g.uniform(0, size, size=(n, 2))
    return np.hstack([xy, xy + wh])


def _clustered(g, n, k, span=1000.0):
    centres = g.uniform(0, span, size=(k, 2))
    c = centres[g.integers(0, k, size=n)] + g.normal(size=(n, 2)) * 3
    wh = g.uniform(10, 30, size=(n, 2))
    return np.hstack([c - wh / 2, c + wh / 2])


def _iou(a, b, note, name=""):
    return Call((np.asarray(a, dtype=np.float64).reshape(-1, 4), np.asarray(b, dtype=np.float64).reshape(-1, 4)),
                note=note, name=name)


def _nms(boxes, scores, t, note, name=""):
    return Call((np.asarray(boxes, dtype=np.float64).reshape(-1, 4), np.asarray(scores, dtype=np.float64), t),
                entry="nms", check=exact(), note=note, name=name)


def _bnms(boxes, scores, classes, t, note, name=""):
    return Call((np.asarray(boxes, dtype=np.float64), np.asarray(scores, dtype=np.float64),
                 np.asarray(classes, dtype=np.int64), t), entry="batched_nms", check=exact(), note=note, name=name)


def examples(level):
    if level == 1:
        return [_iou([[0, 0, 2, 2]], [[1, 1, 3, 3], [2, 0, 4, 2], [5, 5, 6, 6]],
                     "a 1 x 1 overlap, touching edges, disjoint boxes", name="three pairs")]
    boxes = [[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30], [0, 0, 10, 10]]
    if level == 2:
        return [_nms(boxes, [0.9, 0.8, 0.7, 0.9], 0.5, "box 3 ties with box 0 and comes second", name="four boxes")]
    return [_bnms(np.array(boxes[:2] + boxes[3:]), [0.9, 0.8, 0.7], [0, 0, 1], 0.5,
                  "box 2 has another class", name="two classes")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    if level == 1:
        cases = [
            _iou([[0, 0, 1, 1]], [[0, 0, 1, 1]], "a box with itself: 1"),
            _iou([[0, 0, 1, 1]], [[5, 5, 6, 7], [1, 0, 2, 1], [3, -4, 4, -2]],
                 "disjoint boxes: the overlap's width and height are both negative, its area is 0"),
            _iou([[0, 0, 10, 10]], [[2, 2, 4, 4]], "a box inside another: 4 / 100"),
            _iou([[0, 0, 0, 5], [1, 1, 1, 1]], [[0, 0, 0, 5], [0, 0, 2, 2]],
                 "zero-area boxes: IoU 0, never NaN"),
            _iou([[0, 0, 3, 2]], [[1, 0, 4, 2]], "continuous coordinates: areas 6 and 6, overlap 4, IoU 0.5"),
            _iou(_boxes(g, 40), _boxes(g, 30), "40 x 30 random pairs"),
            _iou(np.zeros((0, 4)), _boxes(g, 5), "no boxes on one side: a (0, 5) matrix"),
            _iou(_boxes(g, 1500, span=500.0, size=60.0), _boxes(g, 1500, span=500.0, size=60.0),
                 "1500 x 1500 pairs: vectorise"),
        ]
        for _ in range(3):
            cases.append(_iou(_boxes(g, rng.randint(1, 20), size=rng.choice([5.0, 50.0])), _boxes(g, rng.randint(1, 20)),
                              "random boxes"))
        return cases
    if level == 2:
        chain = [[0, 0, 10, 10], [4, 0, 14, 10], [8, 0, 18, 10]]  # IoU(0,1) = IoU(1,2) = 6/14, IoU(0,2) = 2/18
        big = _clustered(g, 1500, 150)
        cases = [
            _nms(np.zeros((0, 4)), [], 0.5, "no boxes: an empty list"),
            _nms([[0, 0, 1, 1]], [0.1], 0.5, "one box"),
            _nms([[0, 0, 2, 1], [0, 0, 1, 1]], [0.9, 0.8], 0.5,
                 "IoU exactly 0.5 at threshold 0.5 is not suppressed"),
            _nms(chain, [0.9, 0.8, 0.7], 0.4,
                 "a chain: box 1 is suppressed by box 0, so it cannot suppress box 2"),
            _nms([[0, 0, 10, 10], [0, 0, 10, 10], [0, 0, 10, 10]], [0.5, 0.7, 0.7], 0.5,
                 "equal scores: the lower index is visited first"),
            _nms([[5, 5, 6, 6], [0, 0, 10, 10], [20, 0, 30, 10]], [0.1, 0.9, 0.5], 0.0,
                 "threshold 0: any overlap suppresses, boxes that do not overlap survive"),
            _nms(_boxes(g, 30), g.random(30), 1.0, "threshold 1: nothing is suppressed, all boxes by score"),
            _nms(big, g.random(1500), 0.5, "1500 boxes in 150 clusters"),
        ]
        for _ in range(3):
            n = rng.randint(1, 40)
            cases.append(_nms(_clustered(g, n, rng.randint(1, 5), span=60.0), np.round(g.random(n), 1),
                              rng.choice([0.3, 0.5, 0.7]), "random boxes with tied scores"))
        return cases
    leak = np.array([[0.0, 0, 100, 100], [1005.0, 1000, 1105, 1100], [500.0, 500, 600, 600]])
    big = _clustered(g, 1500, 100, span=10**4 - 100)
    cases = [
        _bnms([[0, 0, 10, 10], [0, 0, 10, 10]], [0.9, 0.8], [3, 7], 0.5,
              "identical boxes of two classes: both kept"),
        _bnms([[0, 0, 10, 10], [0, 0, 10, 10], [1, 1, 11, 11], [1, 1, 11, 11]], [0.6, 0.9, 0.8, 0.7], [0, 1, 0, 1],
              0.5, "two classes interleaved: the result is ordered by score, not by class"),
        _bnms(leak, [0.9, 0.8, 0.7], [1, 0, 0], 0.5,
              "box 1 (class 0) sits where box 0 (class 1) would land after a small per-class shift"),
        _bnms([[0, 0, 1, 1]] * 4, [0.5, 0.5, 0.5, 0.5], [2, 2, 9, 9], 0.5, "score ties across classes: by index"),
        _bnms(big, g.random(1500), g.integers(0, 20, size=1500), 0.5, "1500 boxes, 20 classes, coordinates to 1e4"),
    ]
    for _ in range(3):
        n = rng.randint(1, 40)
        cases.append(_bnms(_clustered(g, n, 3, span=40.0), np.round(g.random(n), 1),
                           g.integers(0, rng.randint(1, 4), size=n), 0.5, "random boxes and classes"))
    return cases
