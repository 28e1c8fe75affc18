"""invitation expiry for panel seats

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00

Panel invitations expire like organisation invitations (see matchmaker/invitations.py). Existing
rows get `invited_at + 14 days`; then the column becomes NOT NULL.
"""
from datetime import timedelta

from alembic import op
import sqlalchemy as sa

import matchmaker.db_types


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

INVITATION_DAYS = 14  # fixed here: the migration must not change when the app's setting does


def upgrade():
    with op.batch_alter_table('panel_seats', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', matchmaker.db_types.UTCDateTime(timezone=True), nullable=True))

    # Backfill in Python, through the column type, so SQLite (naive UTC text) and PostgreSQL
    # (timestamptz) get the same instant without dialect-specific date arithmetic.
    seats = sa.table(
        'panel_seats',
        sa.column('id', sa.Integer),
        sa.column('invited_at', matchmaker.db_types.UTCDateTime(timezone=True)),
        sa.column('expires_at', matchmaker.db_types.UTCDateTime(timezone=True)),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(seats.c.id, seats.c.invited_at).where(seats.c.expires_at.is_(None))).all()
    if rows:
        connection.execute(
            seats.update().where(seats.c.id == sa.bindparam('seat_id')).values(expires_at=sa.bindparam('expiry')),
            [{'seat_id': seat_id, 'expiry': invited_at + timedelta(days=INVITATION_DAYS)} for seat_id, invited_at in rows],
        )

    with op.batch_alter_table('panel_seats', schema=None) as batch_op:
        batch_op.alter_column('expires_at', existing_type=matchmaker.db_types.UTCDateTime(timezone=True),
                              nullable=False)


def downgrade():
    with op.batch_alter_table('panel_seats', schema=None) as batch_op:
        batch_op.drop_column('expires_at')
