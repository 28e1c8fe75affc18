"""languages: a challenge's own language, default criteria by key, whether a user chose a language

Revision ID: 0009
Revises: 0010 (written on 0007; chained after 0010, which reached main first)

* `challenges.language` ("nl" or "en"): the language the challenge is written in, so pages in the
  other language can mark its text (WCAG 3.1.2). Existing rows take the first of `languages`.
* `criteria.key`: set for a default criterion (impact, feasibility, innovation, team, value) whose
  name is the default name in Dutch or English, so it is shown in the reader's language. Default
  anchors are stored empty from now on; existing default anchors (Dutch or English) are emptied.
* `users.locale_chosen`: whether the person chose a language explicitly; signing in keeps the
  language they were browsing in until they do.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0010'
branch_labels = None
depends_on = None

# Fixed here: the migration must not change when the app's translations do.
DEFAULT_NAMES = {
    "impact": ("Impact", "Impact"),
    "feasibility": ("Feasibility", "Haalbaarheid"),
    "innovation": ("Innovation", "Innovatie"),
    "team": ("Team", "Team"),
    "value": ("Value for money", "Prijs-kwaliteitverhouding"),
}
DEFAULT_ANCHORS = (
    ["Insufficient", "Weak", "Adequate", "Good", "Excellent"],
    ["Onvoldoende", "Zwak", "Voldoende", "Goed", "Uitstekend"],
)
LANGUAGES = ("nl", "en")

challenges = sa.table("challenges", sa.column("id", sa.Integer), sa.column("languages", sa.JSON),
                      sa.column("language", sa.String))
criteria = sa.table("criteria", sa.column("id", sa.Integer), sa.column("name", sa.String),
                    sa.column("anchors", sa.JSON), sa.column("key", sa.String))


def _normal(text):
    return " ".join((text or "").split()).casefold()


# Plain ALTER TABLE, never batch mode: on SQLite batch mode rebuilds the table, and dropping the old
# `challenges` or `users` table with foreign keys on deletes every row that refers to it.


def upgrade():
    op.add_column('challenges', sa.Column('language', sa.String(length=5), server_default='nl', nullable=False))
    op.add_column('criteria', sa.Column('key', sa.String(length=20), nullable=True))
    op.add_column('users', sa.Column('locale_chosen', sa.Boolean(), server_default=sa.false(), nullable=False))

    conn = op.get_bind()
    for ident, languages in conn.execute(sa.select(challenges.c.id, challenges.c.languages)).all():
        first = languages[0] if isinstance(languages, list) and languages else "nl"
        if first in LANGUAGES and first != "nl":
            conn.execute(challenges.update().where(challenges.c.id == ident).values(language=first))
    keys = {_normal(name): key for key, names in DEFAULT_NAMES.items() for name in names}
    defaults = [[_normal(a) for a in anchors] for anchors in DEFAULT_ANCHORS]
    for ident, name, anchors in conn.execute(sa.select(criteria.c.id, criteria.c.name, criteria.c.anchors)).all():
        values = {}
        if _normal(name) in keys:
            values["key"] = keys[_normal(name)]
        if isinstance(anchors, list) and [_normal(a) for a in anchors] in defaults:
            values["anchors"] = []
        if values:
            conn.execute(criteria.update().where(criteria.c.id == ident).values(**values))

    if conn.dialect.name != "sqlite":  # SQLite cannot add a constraint without rebuilding the table
        op.create_check_constraint(op.f('ck_challenges_language_known'), 'challenges', "language IN ('nl', 'en')")


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f('ck_challenges_language_known'), 'challenges', type_='check')
    op.drop_column('challenges', 'language')  # SQLite 3.35+ drops a column in place
    op.drop_column('criteria', 'key')
    op.drop_column('users', 'locale_chosen')
