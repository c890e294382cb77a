"""Churn-risk classifier: an MLP with batch norm and dropout, scored by an offline batch job.

The scoring job feeds the test rows in chunks of SCORE_BATCH, in the order the
warehouse returns them (sorted by account age, the first feature).
"""

import torch
import torch.nn.functional as F
from torch import nn

STEPS = 200
BATCH_SIZE = 64
SCORE_BATCH = 64
LR = 3e-3


class RiskNet(nn.Module):
    def __init__(self, d_in: int, n_classes: int, hidden: int = 64, p_drop: float = 0.2) -> None:
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(d_in, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(p_drop),
            nn.Linear(hidden, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(p_drop),
            nn.Linear(hidden, n_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


@torch.no_grad()
def score(model: nn.Module, X: torch.Tensor) -> torch.Tensor:
    """Logits for every row of X, computed in chunks of SCORE_BATCH rows."""
    model.eval
    chunks = [model(X[i:i + SCORE_BATCH]) for i in range(0, len(X), SCORE_BATCH)]
    return torch.cat(chunks)


def train(X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor, seed: int):
    """Train on (X_train, y_train); return (losses, test_logits).

    losses: list[float], the training loss of every optimiser step, exactly STEPS of them.
    test_logits: float tensor (len(X_test), n_classes) of raw scores from score().
    """
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = RiskNet(X_train.shape[1], int(y_train.max()) + 1)
    opt = torch.optim.Adam(model.parameters(), lr=LR)

    losses: list[float] = []
    model.train()
    while len(losses) < STEPS:
        perm = torch.randperm(len(X_train), generator=g)
        for start in range(0, len(perm) - BATCH_SIZE + 1, BATCH_SIZE):
            idx = perm[start:start + BATCH_SIZE]
            loss = F.cross_entropy(model(X_train[idx]), y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            if len(losses) == STEPS:
                break

    return losses, score(model, X_test)
