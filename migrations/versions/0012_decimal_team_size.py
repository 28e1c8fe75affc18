"""a startup's team size in FTE takes one decimal (2.5)

Revision ID: 0012
Revises: 0009

`organisations.size_fte` becomes NUMERIC(6, 1); whole numbers stay as they are. Going down rounds
half FTEs to the nearest whole number.
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    # SQLite rebuilds the table (batch mode); env.py turns foreign keys off while it does.
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.alter_column('size_fte', existing_type=sa.Integer(), type_=sa.Numeric(precision=6, scale=1),
                              existing_nullable=True)


def downgrade():
    organisations = sa.table('organisations', sa.column('size_fte', sa.Numeric(6, 1)))
    op.execute(organisations.update().values(size_fte=sa.func.round(organisations.c.size_fte)))
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.alter_column('size_fte', existing_type=sa.Numeric(precision=6, scale=1), type_=sa.Integer(),
                              existing_nullable=True, postgresql_using='round(size_fte)::integer')
