"""card practice: card_states (FSRS), card_reviews (the review log), card_sessions (phone screens)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 17:52:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('card_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('decks', sa.JSON(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deadline', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verdict', sa.String(length=8), nullable=True),
    sa.CheckConstraint("kind IN ('screen', 'onsite')", name=op.f('ck_card_sessions_kind')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_card_sessions_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_sessions'))
    )
    with op.batch_alter_table('card_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_card_sessions_user_started', ['user_id', 'started_at'], unique=False)

    op.create_table('card_states',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.String(length=200), nullable=False),
    sa.Column('state', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('stability', sa.Double(), nullable=True),
    sa.Column('difficulty', sa.Double(), nullable=True),
    sa.Column('due', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_review', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_review', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_card_states_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_states')),
    sa.UniqueConstraint('user_id', 'card_id', name=op.f('uq_card_states_user_id'))
    )
    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.create_index('ix_card_states_user_due', ['user_id', 'due'], unique=False)

    op.create_table('card_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.String(length=200), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=True),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('elapsed_s', sa.Double(), nullable=True),
    sa.Column('retention', sa.Double(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("outcome IN ('correct', 'wrong', 'skipped', 'self', 'unanswered')", name=op.f('ck_card_reviews_outcome')),
    sa.CheckConstraint('rating BETWEEN 1 AND 4', name=op.f('ck_card_reviews_rating')),
    sa.ForeignKeyConstraint(['session_id'], ['card_sessions.id'], name=op.f('fk_card_reviews_session_id_card_sessions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_card_reviews_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_reviews'))
    )
    with op.batch_alter_table('card_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_card_reviews_user_card', ['user_id', 'card_id', 'reviewed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('card_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_card_reviews_user_card')

    op.drop_table('card_reviews')
    with op.batch_alter_table('card_states', schema=None) as batch_op:
        batch_op.drop_index('ix_card_states_user_due')

    op.drop_table('card_states')
    with op.batch_alter_table('card_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_card_sessions_user_started')

    op.drop_table('card_sessions')
