"""Intent classifier over pooled sentence features: a small MLP trained with Adam."""

from dataclasses import dataclass

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


@dataclass
class Config:
    steps: int = 150
    batch_size: int = 64
    lr: float = 1e-2
    hidden: int = 64
    dropout: float = 0.0


class IntentHead(nn.Module):
    """Maps a feature vector to one score per intent."""

    def __init__(self, d_in: int, n_intents: int, cfg: Config) -> None:
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(d_in, cfg.hidden),
            nn.GELU(),
            nn.Dropout(cfg.dropout),
            nn.Linear(cfg.hidden, cfg.hidden),
            nn.GELU(),
        )
        self.out = nn.Sequential(nn.Linear(cfg.hidden, n_intents), nn.Softmax(dim=-1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(self.body(x))


def make_loader(X: torch.Tensor, y: torch.Tensor, cfg: Config, seed: int) -> DataLoader:
    g = torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(X, y), batch_size=cfg.batch_size, shuffle=True, generator=g)


def train(X_train: torch.Tensor, y_train: torch.Tensor, X_test: torch.Tensor, seed: int):
    """Train on (X_train, y_train); return (losses, test_logits).

    losses: list[float], the training loss of every optimiser step, exactly cfg.steps of them.
    test_logits: float tensor (len(X_test), n_intents) of raw, unnormalised scores.
    """
    cfg = Config()
    torch.manual_seed(seed)
    n_intents = int(y_train.max()) + 1
    model = IntentHead(X_train.shape[1], n_intents, cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    criterion = nn.NLLLoss()
    loader = make_loader(X_train, y_train, cfg, seed)

    losses: list[float] = []
    model.train()
    while len(losses) < cfg.steps:
        for xb, yb in loader:
            scores = model(xb)
            loss = criterion(scores, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            if len(losses) == cfg.steps:
                break

    model.eval()
    with torch.no_grad():
        test_logits = model(X_test)
    return losses, test_logits
