"""decisions get a status (prepared, released, withdrawn) and at most one prepared decision per proposal

Revision ID: 0007
Revises: 0006

"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'status', sa.Enum('prepared', 'released', 'withdrawn', name='decision_status', native_enum=False,
                              create_constraint=True, length=24),
            server_default='prepared', nullable=False))
    op.execute("UPDATE decisions SET status = 'released' WHERE released_at IS NOT NULL")
    op.execute("UPDATE decisions SET status = 'withdrawn' WHERE withdrawn_at IS NOT NULL")
    # Two pending decisions on one proposal could exist before this constraint: keep the newest.
    op.execute(
        "UPDATE decisions SET status = 'withdrawn', withdrawn_at = prepared_at "
        "WHERE status = 'prepared' AND id NOT IN "
        "(SELECT MAX(id) FROM decisions WHERE status = 'prepared' GROUP BY proposal_id)"
    )
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.create_check_constraint('released_has_timestamp', "(status = 'released') = (released_at IS NOT NULL)")
        batch_op.create_check_constraint('withdrawn_has_timestamp',
                                         "(status = 'withdrawn') = (withdrawn_at IS NOT NULL)")
        batch_op.create_index('uq_decisions_one_prepared', ['proposal_id'], unique=True,
                              sqlite_where=sa.text("status = 'prepared'"),
                              postgresql_where=sa.text("status = 'prepared'"))


def downgrade():
    op.drop_index('uq_decisions_one_prepared', table_name='decisions')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_decisions_withdrawn_has_timestamp'), type_='check')
        batch_op.drop_constraint(op.f('ck_decisions_released_has_timestamp'), type_='check')
        batch_op.drop_constraint(op.f('ck_decisions_decision_status'), type_='check')
        batch_op.drop_column('status')
