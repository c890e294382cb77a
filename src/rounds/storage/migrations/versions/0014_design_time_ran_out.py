"""design_sessions.time_ran_out: a design round ended by its clock (its time ran out), not by the user's finish

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 14:00:30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('design_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('time_ran_out', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('design_sessions', schema=None) as batch_op:
        batch_op.drop_column('time_ran_out')
