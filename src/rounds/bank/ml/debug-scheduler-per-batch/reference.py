"""Fraud classifier over transaction features: an MLP trained with SGD and a step decay.

The schedule follows the paper the team copied: decay the learning rate by 10x
after 8 of the 12 epochs.
"""

import torch
import torch.nn.functional as F
from torch import nn

EPOCHS = 12
BATCH_SIZE = 32
LR = 0.05
MOMENTUM = 0.9
DECAY_AT_EPOCH = 8


class FraudNet(nn.Module):
    def __init__(self, d_in: int, n_classes: int, hidden: int = 64) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, n_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def epoch_batches(X: torch.Tensor, y: torch.Tensor, g: torch.Generator):
    perm = torch.randperm(len(X), generator=g)
    for start in range(0, len(X), BATCH_SIZE):
        idx = perm[start:start + BATCH_SIZE]
        yield X[idx], y[idx]


def train(X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor, seed: int):
    """Train for EPOCHS epochs; return (losses, test_logits).

    losses: list[float], the training loss of every optimiser step (EPOCHS * batches per epoch).
    test_logits: float tensor (len(X_test), n_classes) of raw scores.
    """
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = FraudNet(X_train.shape[1], int(y_train.max()) + 1)
    opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=DECAY_AT_EPOCH, gamma=0.1)

    losses: list[float] = []
    for _epoch in range(EPOCHS):
        for xb, yb in epoch_batches(X_train, y_train, g):
            loss = F.cross_entropy(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
        sched.step()

    model.eval()
    with torch.no_grad():
        return losses, model(X_test)
