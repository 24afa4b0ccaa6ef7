"""The library's entries kept by project: two b-trees an entry instead of three, and no foreign key to ``indicators``.

``library_entries`` (one row per indicator of each project's latest version, :mod:`perfbudget.store.library_tables`)
was keyed by its indicator, with an index on its project and one on (group, indicator), and a foreign key to
``indicators``: every entry a bulk import's library update put in was written into three b-trees and checked by a
probe of ``indicators``, and the update then read its new entries four times by the project index (one look-up of the
row for each, ``store/library_counts.py``). Nothing reads an entry by its indicator alone. Now its key is (project,
indicator) — an indicator belongs to one project, so the key is as unique as the indicator was —, the rows stored in
that order (SQLite: ``WITHOUT ROWID``, the row in its key's b-tree), so that a project's entries are one range of the
table, with a (group, indicator, name) index beside it in place of the (group, indicator) one: a group's entries read
by the index are then found in the table by a key of two columns, not by a rowid, and the page of a group
(``library show``) counts its names' entries from the index alone, as the similar projects count their groups (on
SQLite the index holds the project too).

The foreign key goes: the entries are derived rows, put in by one ``INSERT … SELECT`` that joins the indicators in
the same transaction (an entry cannot name an indicator that is not there when it is written), and taken out before
their project's indicators are deleted (``library.build.forget_projects``, the one place indicators are deleted). A
foreign key on a column that is not the first of an index would make each deleted indicator scan the whole table on
SQLite. ``tests/library/test_library_entries.py`` checks that no entry is left without its indicator.

The same columns in the same order and the same rows (copied on SQLite; on PostgreSQL the constraints changed in
place).

Revision ID: 1837_import_floor2
Revises: 1836_import_stmts
"""

from __future__ import annotations

from alembic import op

revision = "1837_import_floor2"
down_revision = "1836_import_stmts"
branch_labels = None
depends_on = None

# library_entries's columns as migration 0300 made them
COLUMNS = ("indicator_id INTEGER NOT NULL, group_id INTEGER NOT NULL, name_id INTEGER NOT NULL, "
           "project_id INTEGER NOT NULL, version_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, fund_year INTEGER, "
           "level1 TEXT NOT NULL, level2 TEXT NOT NULL, kind VARCHAR(16) NOT NULL, measure_unit TEXT NOT NULL, "
           "direction VARCHAR(16), value VARCHAR(64)")
NAMES = ("indicator_id, group_id, name_id, project_id, version_id, unit_id, fund_year, level1, level2, kind, "
         "measure_unit, direction, value")
FOREIGN_KEY = "fk_library_entries_indicator_id_indicators"
GROUP_INDEX = "ix_library_entries_group_id_indicator_id_name_id"
OLD_GROUP_INDEX = "ix_library_entries_group_id_indicator_id"


def _sqlite_remake(by_project: bool) -> None:
    """Make ``library_entries`` again keyed by (project, indicator) without a rowid, or as 0300 made it."""
    if by_project:
        table = f"CREATE TABLE library_entries_1837 ({COLUMNS}, " \
                "CONSTRAINT pk_library_entries PRIMARY KEY (project_id, indicator_id)) WITHOUT ROWID"
    else:
        table = (f"CREATE TABLE library_entries_1837 ({COLUMNS}, CONSTRAINT pk_library_entries PRIMARY KEY "
                 f"(indicator_id), CONSTRAINT {FOREIGN_KEY} FOREIGN KEY(indicator_id) REFERENCES indicators (id))")
    op.execute(table)
    op.execute(f"INSERT INTO library_entries_1837 ({NAMES}) SELECT {NAMES} FROM library_entries"
               + (" ORDER BY project_id, indicator_id" if by_project else ""))
    op.execute("DROP TABLE library_entries")
    op.execute("ALTER TABLE library_entries_1837 RENAME TO library_entries")
    if not by_project:
        op.execute("CREATE INDEX ix_library_entries_project_id ON library_entries (project_id)")
    op.execute(f"CREATE INDEX {GROUP_INDEX if by_project else OLD_GROUP_INDEX} ON library_entries "
               f"(group_id, indicator_id{', name_id' if by_project else ''})")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_remake(by_project=True)
        return
    op.drop_constraint(FOREIGN_KEY, "library_entries", type_="foreignkey")
    op.drop_constraint("pk_library_entries", "library_entries", type_="primary")
    op.create_primary_key("pk_library_entries", "library_entries", ["project_id", "indicator_id"])
    op.drop_index("ix_library_entries_project_id", table_name="library_entries")
    op.create_index(GROUP_INDEX, "library_entries", ["group_id", "indicator_id", "name_id"])
    op.drop_index(OLD_GROUP_INDEX, table_name="library_entries")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_remake(by_project=False)
        return
    op.create_index("ix_library_entries_project_id", "library_entries", ["project_id"])
    op.create_index(OLD_GROUP_INDEX, "library_entries", ["group_id", "indicator_id"])
    op.drop_index(GROUP_INDEX, table_name="library_entries")
    op.drop_constraint("pk_library_entries", "library_entries", type_="primary")
    op.create_primary_key("pk_library_entries", "library_entries", ["indicator_id"])
    op.create_foreign_key(FOREIGN_KEY, "library_entries", "indicators", ["indicator_id"], ["id"])
