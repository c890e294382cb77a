import numpy as np


def patch_embed(images, weight, bias, cls_token, pos_embed):
    B, C, H, W = images.shape
    D, _, P, _ = weight.shape
    gh, gw = H // P, W // P
    # (B, C, gh, P, gw, P) -> (B, gh, gw, C, P, P): grid row-major, each patch flattened as (C, P, P)
    patches = images.reshape(B, C, gh, P, gw, P).transpose(0, 2, 4, 1, 3, 5).reshape(B, gh * gw, C * P * P)
    tokens = patches @ weight.reshape(D, C * P * P).T + bias  # the stride-P convolution as a matmul
    cls = np.broadcast_to(cls_token, (B, 1, D))
    return np.concatenate([cls, tokens], axis=1) + pos_embed  # the class token gets position 0
