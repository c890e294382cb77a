import numpy as np


def patch_embed(images, weight, bias, cls_token, pos_embed):
    """The input layer of a Vision Transformer.

    images (B, C, H, W) float64; weight (D, C, P, P) and bias (D,): a Conv2d with kernel = stride = P;
    cls_token (D,); pos_embed (1 + N, D) with N = (H / P) * (W / P). Patches are numbered row by row
    over the grid. Return (B, 1 + N, D) float64: [cls_token, patch embeddings] + pos_embed.
    """
    raise NotImplementedError
