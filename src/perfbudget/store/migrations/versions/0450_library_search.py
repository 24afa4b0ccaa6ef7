"""The indicator library's search index (issue 16): each library name's words.

Revision ID: 0450_library_search
Revises: 0400_desk

``library_name_words`` holds, for each normalised name of ``library_names``, its words in the
segmenter's search mode (the words and the words inside them). ``library search`` finds its
candidate names through this table's primary key instead of scanning every name. A library built
before this revision is indexed here (rjieba, as ``perfbudget.library.names.search_words`` does).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0450_library_search"
down_revision = "0400_desk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_name_words",
        sa.Column("word", sa.String(64), primary_key=True),
        sa.Column("name_id", sa.Integer(), primary_key=True))
    connection = op.get_bind()
    names = connection.execute(sa.text("SELECT id, norm FROM library_names")).all()
    if names:
        import rjieba

        table = sa.table("library_name_words", sa.column("word"), sa.column("name_id"))
        rows = [{"word": word, "name_id": name_id} for name_id, norm in names
                for word in sorted({w[:64] for w in rjieba.cut_for_search(norm, False) if w.strip()})]
        for start in range(0, len(rows), 5000):
            connection.execute(sa.insert(table), rows[start:start + 5000])


def downgrade() -> None:
    op.drop_table("library_name_words")
