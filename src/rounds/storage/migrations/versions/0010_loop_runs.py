"""loop runs: a mock interview loop, its rounds, each with its own clock and the round it delegates to

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('loop_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('template', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.CheckConstraint("status IN ('active', 'finished', 'abandoned')", name=op.f('ck_loop_runs_status')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_loop_runs_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_runs'))
    )
    with op.batch_alter_table('loop_runs', schema=None) as batch_op:
        batch_op.create_index('ix_loop_runs_user_started', ['user_id', 'started_at'], unique=False)

    op.create_table('loop_rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('break_after', sa.Integer(), nullable=False),
    sa.Column('spec', sa.JSON(), nullable=False),
    sa.Column('item_id', sa.String(length=200), nullable=False),
    sa.Column('item_title', sa.Text(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('ref_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deadline', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'running', 'done', 'expired', 'skipped', 'missing')",
                       name=op.f('ck_loop_rounds_status')),
    sa.ForeignKeyConstraint(['run_id'], ['loop_runs.id'], name=op.f('fk_loop_rounds_run_id_loop_runs'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_rounds'))
    )
    with op.batch_alter_table('loop_rounds', schema=None) as batch_op:
        batch_op.create_index('ix_loop_rounds_run_position', ['run_id', 'position'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('loop_rounds', schema=None) as batch_op:
        batch_op.drop_index('ix_loop_rounds_run_position')
    op.drop_table('loop_rounds')
    with op.batch_alter_table('loop_runs', schema=None) as batch_op:
        batch_op.drop_index('ix_loop_runs_user_started')
    op.drop_table('loop_runs')
