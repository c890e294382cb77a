"""The order `rounds --help` lists commands in: a learner's, in the order of use, then the rest."""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup

# A learner's commands in the order they use them; problem authors' and the judge's come after.
LEARNER_ORDER = ("list", "start", "test", "submit", "status", "serve", "cards", "stats", "import", "shell-setup")


class LearnerFirst(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        first = [n for n in LEARNER_ORDER if n in names]
        return first + [n for n in names if n not in first]
