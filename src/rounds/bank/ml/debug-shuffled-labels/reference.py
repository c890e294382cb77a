"""Delivery-time regression: an MLP over order features, trained on standardised targets.

Targets are in minutes; the script standardises features and targets with
training statistics and maps predictions back to minutes.
"""

import torch
import torch.nn.functional as F
from torch import nn

STEPS = 250
BATCH_SIZE = 64
LR = 3e-3


def shuffled(X: torch.Tensor, y: torch.Tensor, g: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """The rows of (X, y) in a random order, pairs kept together."""
    perm = torch.randperm(len(X), generator=g)
    return X[perm], y[perm]


class Standardizer:
    def __init__(self, t: torch.Tensor) -> None:
        self.mean = t.mean(0)
        self.std = t.std(0) + 1e-8

    def encode(self, t: torch.Tensor) -> torch.Tensor:
        return (t - self.mean) / self.std

    def decode(self, t: torch.Tensor) -> torch.Tensor:
        return t * self.std + self.mean


def build_model(d_in: int) -> nn.Module:
    return nn.Sequential(
        nn.Linear(d_in, 64),
        nn.SiLU(),
        nn.Linear(64, 64),
        nn.SiLU(),
        nn.Linear(64, 1),
    )


def train(X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor, seed: int):
    """Train on (X_train, y_train); return (losses, test_pred).

    losses: list[float], the training MSE (in standardised units) of every step, exactly STEPS.
    test_pred: float tensor of shape (len(X_test),), predicted minutes for each test order.
    """
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    x_scale, y_scale = Standardizer(X_train), Standardizer(y_train)
    X, y = x_scale.encode(X_train), y_scale.encode(y_train)

    model = build_model(X.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    losses: list[float] = []
    while len(losses) < STEPS:
        Xs, ys = shuffled(X, y, g)
        for start in range(0, len(Xs), BATCH_SIZE):
            xb, yb = Xs[start:start + BATCH_SIZE], ys[start:start + BATCH_SIZE]
            pred = model(xb).squeeze(-1)
            loss = F.mse_loss(pred, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            if len(losses) == STEPS:
                break

    model.eval()
    with torch.no_grad():
        test_pred = y_scale.decode(model(x_scale.encode(X_test)).squeeze(-1))
    return losses, test_pred
