"""talk rehearsals: a project's talk timed slide by slide, with its self-assessment against the talk rubric

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('talk_rehearsals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('project_name', sa.String(length=200), nullable=False),
    sa.Column('talk_minutes', sa.Integer(), nullable=False),
    sa.Column('budget_s', sa.Integer(), nullable=False),
    sa.Column('total_s', sa.Double(), nullable=False),
    sa.Column('slides', sa.JSON(), nullable=False),
    sa.Column('rubric', sa.JSON(), nullable=False),
    sa.Column('checks', sa.JSON(), nullable=False),
    sa.Column('rehearsed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assessed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_talk_rehearsals_project_id_projects'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_talk_rehearsals_user_id_users'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_talk_rehearsals'))
    )
    with op.batch_alter_table('talk_rehearsals', schema=None) as batch_op:
        batch_op.create_index('ix_talk_rehearsals_user', ['user_id', 'rehearsed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('talk_rehearsals', schema=None) as batch_op:
        batch_op.drop_index('ix_talk_rehearsals_user')
    op.drop_table('talk_rehearsals')
