"""codebase chat: the built-in assistant's conversation of a codebase attempt in the web app

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 23:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('codebase_chat',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('user', 'assistant')", name=op.f('ck_codebase_chat_role')),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_codebase_chat_attempt_id_attempts'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_codebase_chat'))
    )
    with op.batch_alter_table('codebase_chat', schema=None) as batch_op:
        batch_op.create_index('ix_codebase_chat_attempt', ['attempt_id', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('codebase_chat', schema=None) as batch_op:
        batch_op.drop_index('ix_codebase_chat_attempt')
    op.drop_table('codebase_chat')
