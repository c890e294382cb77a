"""behavioral practice: stories (SAIL), deliveries (timed takes), projects and their chapters

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('talk_minutes', sa.Integer(), nullable=False),
    sa.Column('outline', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('talk_minutes IN (45, 60)', name=op.f('ck_projects_talk_minutes')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_projects_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects'))
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index('ix_projects_user', ['user_id'], unique=False)

    op.create_table('stories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('situation', sa.Text(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('impact', sa.Text(), nullable=False),
    sa.Column('learning', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('signals', sa.JSON(), nullable=False),
    sa.Column('companies', sa.JSON(), nullable=False),
    sa.Column('project', sa.String(length=200), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_stories_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stories'))
    )
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.create_index('ix_stories_user', ['user_id'], unique=False)

    op.create_table('deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('question_id', sa.String(length=300), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('duration_s', sa.Double(), nullable=True),
    sa.Column('target_s', sa.Integer(), nullable=False),
    sa.Column('transcript', sa.Text(), nullable=False),
    sa.Column('words', sa.Integer(), nullable=False),
    sa.Column('wpm', sa.Double(), nullable=True),
    sa.Column('fillers', sa.Integer(), nullable=False),
    sa.Column('filler_words', sa.JSON(), nullable=False),
    sa.Column('checklist', sa.JSON(), nullable=False),
    sa.Column('checks', sa.JSON(), nullable=False),
    sa.Column('recording', sa.String(length=200), nullable=True),
    sa.Column('recording_type', sa.String(length=100), nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('behavioral', 'probe', 'project')", name=op.f('ck_deliveries_kind')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_deliveries_project_id_projects'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_deliveries_story_id_stories'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_deliveries_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deliveries'))
    )
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.create_index('ix_deliveries_user_question', ['user_id', 'question_id', 'delivered_at'], unique=False)

    op.create_table('project_chapters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('collaboration', sa.Integer(), nullable=True),
    sa.Column('ambiguity', sa.Integer(), nullable=True),
    sa.Column('technical', sa.Integer(), nullable=True),
    sa.Column('decisions', sa.JSON(), nullable=False),
    sa.Column('metrics', sa.JSON(), nullable=False),
    sa.CheckConstraint("kind IN ('design', 'development', 'launch', 'learnings', 'next-steps')", name=op.f('ck_project_chapters_kind')),
    sa.CheckConstraint('ambiguity BETWEEN 1 AND 5', name=op.f('ck_project_chapters_ambiguity')),
    sa.CheckConstraint('collaboration BETWEEN 1 AND 5', name=op.f('ck_project_chapters_collaboration')),
    sa.CheckConstraint('technical BETWEEN 1 AND 5', name=op.f('ck_project_chapters_technical')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_project_chapters_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_chapters')),
    sa.UniqueConstraint('project_id', 'kind', name=op.f('uq_project_chapters_project_id'))
    )


def downgrade() -> None:
    op.drop_table('project_chapters')
    with op.batch_alter_table('deliveries', schema=None) as batch_op:
        batch_op.drop_index('ix_deliveries_user_question')

    op.drop_table('deliveries')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_index('ix_stories_user')

    op.drop_table('stories')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index('ix_projects_user')

    op.drop_table('projects')
