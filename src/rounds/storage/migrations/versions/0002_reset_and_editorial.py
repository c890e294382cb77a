"""submission kind 'snapshot' (code kept before a reset); events 'reset' and 'editorial'

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 15:20:00
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

OLD_SUBMISSION_KINDS = "kind IN ('run', 'submit')"
NEW_SUBMISSION_KINDS = "kind IN ('run', 'submit', 'snapshot')"
OLD_EVENT_KINDS = "kind IN ('started', 'level_started', 'level_passed', 'run', 'submit', 'completed', 'expired')"
NEW_EVENT_KINDS = ("kind IN ('started', 'level_started', 'level_passed', 'run', 'submit', 'completed', 'expired', "
                   "'reset', 'editorial')")


def _swap(table: str, old: str, new: str) -> None:
    with op.batch_alter_table(table, recreate="auto") as batch:
        batch.drop_constraint(op.f(f"ck_{table}_kind"), type_="check")
        batch.create_check_constraint("kind", new)
    del old


def upgrade() -> None:
    _swap("submissions", OLD_SUBMISSION_KINDS, NEW_SUBMISSION_KINDS)
    _swap("attempt_events", OLD_EVENT_KINDS, NEW_EVENT_KINDS)


def downgrade() -> None:
    op.execute("DELETE FROM submissions WHERE kind = 'snapshot'")
    op.execute("DELETE FROM attempt_events WHERE kind IN ('reset', 'editorial')")
    _swap("submissions", NEW_SUBMISSION_KINDS, OLD_SUBMISSION_KINDS)
    _swap("attempt_events", NEW_EVENT_KINDS, OLD_EVENT_KINDS)
