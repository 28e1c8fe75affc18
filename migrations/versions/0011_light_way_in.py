"""light way in: proposals kept before an account exists; a startup's team description

Revision ID: 0011
Revises: 0012

* `pending_applications`: what an anonymous visitor typed on the apply page (e-mail, startup name,
  eligibility values, proposal fields), kept until the e-mail link is followed; the link's token is
  stored only as a sha256 hash and expires like an invitation.
* `organisations.team_description`: the team, written once in the profile (or taken from the first
  proposal) and offered on every new proposal.
"""
from alembic import op
import sqlalchemy as sa

import matchmaker.db_types


revision = '0011'
down_revision = '0012'
branch_labels = None
depends_on = None


# Plain ALTER TABLE, never batch mode (see 0009).


def upgrade():
    op.add_column('organisations', sa.Column('team_description', sa.Text(), server_default='', nullable=False))
    op.create_table(
        'pending_applications',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('challenge_id', sa.Integer(), nullable=False),
        sa.Column('form_key', sa.String(length=64), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('startup_name', sa.String(length=160), nullable=False),
        sa.Column('profile', sa.JSON(), nullable=False),
        sa.Column('content', sa.JSON(), nullable=False),
        sa.Column('locale', sa.String(length=5), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('updated_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('mailed_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('expires_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('accepted_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('revoked_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('proposal_id', sa.Integer(), nullable=True),
        sa.CheckConstraint('email = lower(email)', name=op.f('ck_pending_applications_pending_email_lowercase')),
        sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_pending_applications_challenge_id_challenges'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_pending_applications_proposal_id_proposals'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_pending_applications_user_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_applications')),
        sa.UniqueConstraint('form_key', name=op.f('uq_pending_applications_form_key')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_pending_applications_token_hash')),
    )
    op.create_index(op.f('ix_pending_applications_challenge_id'), 'pending_applications', ['challenge_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_pending_applications_challenge_id'), table_name='pending_applications')
    op.drop_table('pending_applications')
    op.drop_column('organisations', 'team_description')
