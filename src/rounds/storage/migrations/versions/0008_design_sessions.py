"""design sessions: practice at the ML model design and ML infra design prompts

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('design_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('prompt_id', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('phase', sa.String(length=32), nullable=False),
    sa.Column('phase_started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('phase_seconds', sa.JSON(), nullable=False),
    sa.Column('notes', sa.JSON(), nullable=False),
    sa.Column('diagram', sa.Text(), nullable=False),
    sa.Column('clarify', sa.JSON(), nullable=False),
    sa.Column('marks', sa.JSON(), nullable=False),
    sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished', sa.Boolean(), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("source IN ('web', 'terminal')", name=op.f('ck_design_sessions_source')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_design_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_design_sessions'))
    )
    with op.batch_alter_table('design_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_design_sessions_user_started', ['user_id', 'started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_design_sessions_prompt_id'), ['prompt_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('design_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_design_sessions_prompt_id'))
        batch_op.drop_index('ix_design_sessions_user_started')

    op.drop_table('design_sessions')
