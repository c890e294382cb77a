"""event 'hint': a hint of the problem's ladder was shown in the attempt

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 15:40:00
"""

from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

BEFORE = ("kind IN ('started', 'level_started', 'level_passed', 'run', 'submit', 'completed', 'expired', "
          "'reset', 'editorial')")
AFTER = ("kind IN ('started', 'level_started', 'level_passed', 'run', 'submit', 'completed', 'expired', "
         "'reset', 'editorial', 'hint')")


def _swap(check: str) -> None:
    with op.batch_alter_table("attempt_events", recreate="auto") as batch:
        batch.drop_constraint(op.f("ck_attempt_events_kind"), type_="check")
        batch.create_check_constraint("kind", check)


def upgrade() -> None:
    _swap(AFTER)


def downgrade() -> None:
    op.execute("DELETE FROM attempt_events WHERE kind = 'hint'")
    _swap(BEFORE)
