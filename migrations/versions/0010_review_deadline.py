"""challenges get the panel's deadline for reviews

Revision ID: 0010
Revises: 0007

"""
from alembic import op
import sqlalchemy as sa

import matchmaker.db_types


revision = '0010'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('challenges', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reviews_due_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('challenges', schema=None) as batch_op:
        batch_op.drop_column('reviews_due_at')
