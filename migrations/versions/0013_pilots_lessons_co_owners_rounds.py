"""after the award: pilots (plan, success criteria, milestones, check-ins, gate), lessons, co-owned
challenges, rounds, adopted challenges, public KPIs

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-01 03:22:56.852436

"""
from alembic import op
import sqlalchemy as sa

import matchmaker.db_types


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rounds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('slug', sa.String(length=180), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('questions_close_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('submissions_close_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('questions_close_at IS NULL OR submissions_close_at IS NULL OR questions_close_at <= submissions_close_at', name=op.f('ck_rounds_round_questions_first')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_rounds_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rounds')),
    sa.UniqueConstraint('slug', name=op.f('uq_rounds_slug'))
    )
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rounds_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('challenge_co_owners',
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('may_edit', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('may_answer_questions', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('may_manage_panel', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('may_decide', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('may_run_pilot', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('added_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_challenge_co_owners_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_challenge_co_owners_organisation_id_organisations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('challenge_id', 'organisation_id', name=op.f('pk_challenge_co_owners'))
    )
    with op.batch_alter_table('challenge_co_owners', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_co_owners_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('pilots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'running', 'extended', 'continued', 'stopped', name='pilot_status', native_enum=False, create_constraint=True, length=24), server_default='planned', nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('weeks', sa.Integer(), nullable=False),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.Column('budget_cents', sa.BigInteger(), nullable=True),
    sa.Column('paid_by', sa.String(length=200), nullable=False),
    sa.Column('municipality_contact', sa.String(length=200), nullable=False),
    sa.Column('startup_contact', sa.String(length=200), nullable=False),
    sa.Column('check_in_every_days', sa.Integer(), nullable=False),
    sa.Column('internal_notes', sa.Text(), nullable=False),
    sa.Column('spent_cents', sa.BigInteger(), nullable=True),
    sa.Column('demo_on', sa.Date(), nullable=True),
    sa.Column('demo_attendees', sa.Text(), nullable=False),
    sa.Column('demo_report', sa.Text(), nullable=False),
    sa.Column('extended_until', sa.Date(), nullable=True),
    sa.Column('decision_motivation', sa.Text(), nullable=False),
    sa.Column('procurement_route', sa.Enum('launching_customer', 'innovation_partnership', 'sbir_phase_3', 'regular_tender', name='procurement_route', native_enum=False, create_constraint=True, length=24), nullable=True),
    sa.Column('contract_value_cents', sa.BigInteger(), nullable=True),
    sa.Column('contract_on', sa.Date(), nullable=True),
    sa.Column('created_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('extended_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('check_in_reminded_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(status IN ('continued', 'stopped')) = (decided_at IS NOT NULL)", name=op.f('ck_pilots_decided_has_timestamp')),
    sa.CheckConstraint("status <> 'continued' OR (procurement_route IS NOT NULL AND contract_value_cents IS NOT NULL AND contract_on IS NOT NULL)", name=op.f('ck_pilots_continued_has_contract')),
    sa.CheckConstraint("status <> 'extended' OR extended_until IS NOT NULL", name=op.f('ck_pilots_extended_has_date')),
    sa.CheckConstraint("status NOT IN ('running', 'extended', 'continued') OR started_at IS NOT NULL", name=op.f('ck_pilots_started_has_timestamp')),
    sa.CheckConstraint('budget_cents IS NULL OR budget_cents >= 0', name=op.f('ck_pilots_budget_positive')),
    sa.CheckConstraint('check_in_every_days BETWEEN 1 AND 92', name=op.f('ck_pilots_check_in_interval')),
    sa.CheckConstraint('contract_value_cents IS NULL OR contract_value_cents >= 0', name=op.f('ck_pilots_contract_positive')),
    sa.CheckConstraint('spent_cents IS NULL OR spent_cents >= 0', name=op.f('ck_pilots_spent_positive')),
    sa.CheckConstraint('weeks BETWEEN 1 AND 104', name=op.f('ck_pilots_pilot_weeks_range')),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_pilots_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['municipality_id'], ['organisations.id'], name=op.f('fk_pilots_municipality_id_organisations')),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_pilots_proposal_id_proposals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['startup_id'], ['organisations.id'], name=op.f('fk_pilots_startup_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilots')),
    sa.UniqueConstraint('proposal_id', name=op.f('uq_pilots_proposal_id'))
    )
    with op.batch_alter_table('pilots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilots_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pilots_decided_at'), ['decided_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_pilots_municipality_id'), ['municipality_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pilots_startup_id'), ['startup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pilots_status'), ['status'], unique=False)

    op.create_table('lessons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('challenge_id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Enum('continued', 'stopped', 'no_award', name='lesson_outcome', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('expected', sa.Text(), nullable=False),
    sa.Column('happened', sa.Text(), nullable=False),
    sa.Column('differently', sa.Text(), nullable=False),
    sa.Column('advice', sa.Text(), nullable=False),
    sa.Column('reusable', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('language', sa.String(length=5), server_default='nl', nullable=False),
    sa.Column('published_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(outcome = 'no_award') = (pilot_id IS NULL)", name=op.f('ck_lessons_pilot_lesson_or_no_award')),
    sa.CheckConstraint("language IN ('nl', 'en')", name=op.f('ck_lessons_lesson_language_known')),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenges.id'], name=op.f('fk_lessons_challenge_id_challenges'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_lessons_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_lessons_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilots.id'], name=op.f('fk_lessons_pilot_id_pilots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lessons')),
    sa.UniqueConstraint('pilot_id', name=op.f('uq_lessons_pilot_id'))
    )
    with op.batch_alter_table('lessons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lessons_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lessons_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lessons_published_at'), ['published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_lessons_updated_at'), ['updated_at'], unique=False)
        batch_op.create_index('uq_lessons_one_per_challenge_without_pilot', ['challenge_id'], unique=True, sqlite_where=sa.text('pilot_id IS NULL'), postgresql_where=sa.text('pilot_id IS NULL'))

    op.create_table('pilot_check_ins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('side', sa.Enum('startup', 'municipality', name='check_in_side', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('tried', sa.Text(), nullable=False),
    sa.Column('learned', sa.Text(), nullable=False),
    sa.Column('next_change', sa.Text(), nullable=False),
    sa.Column('light', sa.Enum('green', 'amber', 'red', name='traffic_light', native_enum=False, create_constraint=True, length=24), nullable=False),
    sa.Column('created_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_pilot_check_ins_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilots.id'], name=op.f('fk_pilot_check_ins_pilot_id_pilots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_check_ins'))
    )
    with op.batch_alter_table('pilot_check_ins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_check_ins_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_pilot_check_ins_pilot_id'), ['pilot_id'], unique=False)

    op.create_table('pilot_milestones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilots.id'], name=op.f('fk_pilot_milestones_pilot_id_pilots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_milestones'))
    )
    with op.batch_alter_table('pilot_milestones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_milestones_pilot_id'), ['pilot_id'], unique=False)

    op.create_table('pilot_success_criteria',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('target', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('final_value', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilots.id'], name=op.f('fk_pilot_success_criteria_pilot_id_pilots'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_success_criteria')),
    sa.UniqueConstraint('pilot_id', 'position', name=op.f('uq_pilot_success_criteria_pilot_id_position'))
    )
    with op.batch_alter_table('pilot_success_criteria', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_success_criteria_pilot_id'), ['pilot_id'], unique=False)

    op.create_table('pilot_measurements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_in_id', sa.Integer(), nullable=False),
    sa.Column('criterion_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['check_in_id'], ['pilot_check_ins.id'], name=op.f('fk_pilot_measurements_check_in_id_pilot_check_ins'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['criterion_id'], ['pilot_success_criteria.id'], name=op.f('fk_pilot_measurements_criterion_id_pilot_success_criteria'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pilot_measurements')),
    sa.UniqueConstraint('check_in_id', 'criterion_id', name=op.f('uq_pilot_measurements_check_in_id_criterion_id'))
    )
    with op.batch_alter_table('pilot_measurements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pilot_measurements_check_in_id'), ['check_in_id'], unique=False)

    with op.batch_alter_table('challenges', schema=None) as batch_op:
        batch_op.add_column(sa.Column('round_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('adopted_from_pilot_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_challenges_adopted_from_pilot_id'), ['adopted_from_pilot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenges_round_id'), ['round_id'], unique=False)
        batch_op.create_foreign_key('fk_challenges_adopted_from_pilot', 'pilots', ['adopted_from_pilot_id'], ['id'], ondelete='SET NULL', )
        batch_op.create_foreign_key(batch_op.f('fk_challenges_round_id_rounds'), 'rounds', ['round_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kpis_public', sa.Boolean(), server_default=sa.false(), nullable=False))



def downgrade():
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_column('kpis_public')

    with op.batch_alter_table('challenges', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_challenges_round_id_rounds'), type_='foreignkey')
        batch_op.drop_constraint('fk_challenges_adopted_from_pilot', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_challenges_round_id'))
        batch_op.drop_index(batch_op.f('ix_challenges_adopted_from_pilot_id'))
        batch_op.drop_column('adopted_from_pilot_id')
        batch_op.drop_column('round_id')

    with op.batch_alter_table('pilot_measurements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_measurements_check_in_id'))

    op.drop_table('pilot_measurements')
    with op.batch_alter_table('pilot_success_criteria', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_success_criteria_pilot_id'))

    op.drop_table('pilot_success_criteria')
    with op.batch_alter_table('pilot_milestones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_milestones_pilot_id'))

    op.drop_table('pilot_milestones')
    with op.batch_alter_table('pilot_check_ins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilot_check_ins_pilot_id'))
        batch_op.drop_index(batch_op.f('ix_pilot_check_ins_created_at'))

    op.drop_table('pilot_check_ins')
    with op.batch_alter_table('lessons', schema=None) as batch_op:
        batch_op.drop_index('uq_lessons_one_per_challenge_without_pilot', sqlite_where=sa.text('pilot_id IS NULL'), postgresql_where=sa.text('pilot_id IS NULL'))
        batch_op.drop_index(batch_op.f('ix_lessons_updated_at'))
        batch_op.drop_index(batch_op.f('ix_lessons_published_at'))
        batch_op.drop_index(batch_op.f('ix_lessons_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_lessons_challenge_id'))

    op.drop_table('lessons')
    with op.batch_alter_table('pilots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pilots_status'))
        batch_op.drop_index(batch_op.f('ix_pilots_startup_id'))
        batch_op.drop_index(batch_op.f('ix_pilots_municipality_id'))
        batch_op.drop_index(batch_op.f('ix_pilots_decided_at'))
        batch_op.drop_index(batch_op.f('ix_pilots_challenge_id'))

    op.drop_table('pilots')
    with op.batch_alter_table('challenge_co_owners', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_co_owners_organisation_id'))

    op.drop_table('challenge_co_owners')
    with op.batch_alter_table('rounds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rounds_organisation_id'))

    op.drop_table('rounds')
