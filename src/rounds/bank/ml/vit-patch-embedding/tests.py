"""Patch embeddings against torch.nn.functional.conv2d in float64 on the host.

Non-square images and grids (more columns than rows) expose a transposed patch order; several
channels expose a patch flattened in the wrong order; the class token and position embeddings
are random, so their placement shows.
"""

import numpy as np
import torch

from rounds.testkit import Call, floats

inputs_unchanged = True
checker = floats(atol=1e-10, rtol=1e-8, dtype="float64")


def oracle(images, weight, bias, cls_token, pos_embed):
    P = weight.shape[2]
    out = torch.nn.functional.conv2d(torch.tensor(images), torch.tensor(weight), torch.tensor(bias), stride=P)
    tokens = out.flatten(2).transpose(1, 2)  # (B, N, D), grid row by row
    cls = torch.tensor(cls_token).expand(images.shape[0], 1, -1)
    return (torch.cat([cls, tokens], dim=1) + torch.tensor(pos_embed)).numpy()


def _case(g, B, C, H, W, P, D, note, name=""):
    images = g.normal(size=(B, C, H, W))
    weight = g.normal(size=(D, C, P, P)) / np.sqrt(C * P * P)
    bias, cls = g.normal(size=D), g.normal(size=D)
    pos = g.normal(size=(1 + (H // P) * (W // P), D))
    args = (images, weight, bias, cls, pos)
    return Call(args, expected=oracle(*args), note=note, name=name)


def examples(level):
    g = np.random.default_rng(17)
    return [_case(g, 1, 1, 4, 6, 2, 2, "a 2 x 3 grid of 2 x 2 patches", name="one small image")]


def hidden(level, rng):
    g = np.random.default_rng(rng.randrange(2**32))
    cases = [
        _case(g, 1, 1, 2, 2, 2, 1, "one patch: the class token and one patch token"),
        _case(g, 2, 3, 4, 4, 2, 5, "three channels: each patch is flattened as (channel, row, column)"),
        _case(g, 1, 1, 8, 12, 4, 3, "a 2 x 3 grid: patches numbered row by row"),
        _case(g, 2, 2, 6, 9, 3, 4, "a 2 x 3 grid of 3 x 3 patches with two channels"),
        _case(g, 3, 3, 8, 8, 8, 6, "one patch covering the whole image"),
        _case(g, 4, 3, 32, 48, 4, 16, "a 8 x 12 grid"),
        _case(g, 8, 3, 224, 224, 16, 192, "ViT-Tiny's input layer: 224 x 224, 16 x 16 patches, width 192"),
    ]
    for _ in range(3):
        P = rng.choice([1, 2, 4])
        cases.append(_case(g, rng.randint(1, 3), rng.randint(1, 4), P * rng.randint(1, 5), P * rng.randint(1, 5), P,
                           rng.randint(1, 8), "random image"))
    return cases
