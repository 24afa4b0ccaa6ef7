"""PostgreSQL's bigram indexes (``search_indicators_bigrams``, ``search_projects_bigrams``, migration 0500) compare
their grams byte by byte (``COLLATE "C"``) instead of in the database's collation.

A GIN index of ``text[]`` compares its keys in the index column's collation: each row written sorts its ≈ 33 grams
(a 17-character text's characters and bigrams) and the pending list's merge sorts and looks them up again. In a
``C.UTF-8`` (or ``zh_CN.UTF-8``) database each comparison went through the C library's ``strcoll`` (PostgreSQL treats
only ``C`` and ``POSIX`` as byte order); in ``"C"`` it is a ``memcmp``. The keys are the same strings and two grams are
equal in both orders, so the index answers exactly as before; only the order of its keys changes, so each index is
made again (at 1,000,000 indicators about a minute on PostgreSQL, one transaction: run ``perfbudget db upgrade`` at a
quiet time). The searches ask ``perfbudget_bigrams(…) COLLATE "C" @> …`` (``store.search``), which only an index of
that collation serves. Cost of the upkeep, an import's rows inserted 88 a statement (import-floor10, the backend's
CPU): 20 → 16 µs an indicator above the bare row. Nothing changes on SQLite.

Revision ID: 1850_pg_bigrams_bytewise
Revises: 1847_attack39
"""

from __future__ import annotations

from alembic import op

revision = "1850_pg_bigrams_bytewise"
down_revision = "1847_attack39"
branch_labels = None
depends_on = None

# written here, not read from store.search: a later definition must not change what this migration does
_BODIES = {
    "search_indicators_bigrams": ("indicators", "perfbudget_bigrams(perfbudget_search_text(level3, description))"),
    "search_projects_bigrams": ("projects", "perfbudget_bigrams(name)"),
}


def _make(collated: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    collation = ' COLLATE "C"' if collated else ""
    for name, (table, body) in _BODIES.items():
        # an index an administrator dropped stays dropped (the searches then read the rows)
        if op.get_bind().exec_driver_sql(f"SELECT to_regclass('{name}') IS NOT NULL").scalar_one():
            op.execute(f"DROP INDEX {name}")
            op.execute(f"CREATE INDEX {name} ON {table} USING gin (({body}){collation})")


def upgrade() -> None:
    _make(collated=True)


def downgrade() -> None:
    _make(collated=False)
